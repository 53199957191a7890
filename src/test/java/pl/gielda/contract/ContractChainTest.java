package pl.gielda.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static pl.gielda.support.Fixtures.as;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;
import pl.gielda.contract.chain.ChainVerifier.Verification;
import pl.gielda.contract.chain.ChainVerifyCommand;
import pl.gielda.support.Contracts;
import pl.gielda.support.Fixtures;
import pl.gielda.support.TestDatabase;

@QuarkusTest
class ContractChainTest {

  private static Connection database() throws Exception {
    return TestDatabase.connect();
  }

  private static String verifyPath(long fairId) {
    return Contracts.path(fairId) + "/chain/verify";
  }

  /** Three registered contracts; returns their ids in number order. */
  private static List<Long> registerThree(long fairId, String notaryToken) {
    return List.of(1, 2, 3).stream()
        .map(
            n -> {
              long id = Contracts.signedSwap(fairId);
              Contracts.register(fairId, id, notaryToken)
                  .statusCode(200)
                  .body("number", equalTo(n));
              return id;
            })
        .toList();
  }

  @Test
  void theChainOfAnUntouchedFairIsValidInTheAppAndInTheCommand() throws Exception {
    var fair = Fixtures.fair("LIVE");
    var notary = Fixtures.person(fair.id(), null, "notary");
    as(notary.token())
        .get(verifyPath(fair.id()))
        .then()
        .body("valid", equalTo(true))
        .body("count", equalTo(0));
    registerThree(fair.id(), notary.token());
    String head =
        as(notary.token())
            .get(verifyPath(fair.id()))
            .then()
            .statusCode(200)
            .body("valid", equalTo(true))
            .body("count", equalTo(3))
            .body("firstBrokenNumber", nullValue())
            .extract()
            .path("headHash");
    try (Connection db = database()) {
      Verification v = ChainVerifyCommand.verify(db, fair.id());
      assertThat(v.valid()).isTrue();
      assertThat(v.count()).isEqualTo(3);
      assertThat(v.headHash()).isEqualTo(head);
    }
  }

  @Test
  void alteringARegisteredContractInTheDatabaseBreaksTheChainAtItsNumber() throws Exception {
    var fair = Fixtures.fair("LIVE");
    var notary = Fixtures.person(fair.id(), null, "notary");
    List<Long> ids = registerThree(fair.id(), notary.token());
    try (Connection db = database();
        PreparedStatement s =
            db.prepareStatement(
                "update contract_item set description = 'sala i 500 zł' where contract_id = ?")) {
      s.setLong(1, ids.get(1));
      assertThat(s.executeUpdate()).isEqualTo(2);
      Verification v = ChainVerifyCommand.verify(db, fair.id());
      assertThat(v.valid()).isFalse();
      assertThat(v.firstBrokenNumber()).isEqualTo(2);
    }
    as(notary.token())
        .get(verifyPath(fair.id()))
        .then()
        .body("valid", equalTo(false))
        .body("firstBrokenNumber", equalTo(2))
        .body("reason", org.hamcrest.Matchers.containsString("Contract 2"));
  }

  @Test
  void rewritingTheRegistrationRecordOrDroppingTheLastContractIsNoticed() throws Exception {
    var fair = Fixtures.fair("LIVE");
    var notary = Fixtures.person(fair.id(), null, "notary");
    List<Long> ids = registerThree(fair.id(), notary.token());
    try (Connection db = database()) {
      try (PreparedStatement s =
          db.prepareStatement(
              "update contract set registered_by_name = 'Ktoś inny' where id = ?")) {
        s.setLong(1, ids.get(0));
        s.executeUpdate();
      }
      assertThat(ChainVerifyCommand.verify(db, fair.id()).firstBrokenNumber()).isEqualTo(1);
      try (PreparedStatement s =
          db.prepareStatement("update contract set registered_by_name = ? where id = ?")) {
        s.setString(
            1,
            (String) Contracts.get(fair.id(), ids.get(1), notary.token()).get("registeredByName"));
        s.setLong(2, ids.get(0));
        s.executeUpdate();
      }
      assertThat(ChainVerifyCommand.verify(db, fair.id()).valid()).isTrue();
      try (PreparedStatement s = db.prepareStatement("delete from contract where id = ?")) {
        s.setLong(1, ids.get(2));
        s.executeUpdate();
      }
      Verification v = ChainVerifyCommand.verify(db, fair.id());
      assertThat(v.valid()).isFalse();
      assertThat(v.firstBrokenNumber()).isEqualTo(3);
    }
  }

  @Test
  void anyoneWithTheQrCodeLearnsWhetherTheContractIsRealButNoMore() {
    var fair = Fixtures.fair("LIVE");
    var notary = Fixtures.person(fair.id(), null, "notary");
    long id = Contracts.signedSwap(fair.id());
    String hash =
        Contracts.register(fair.id(), id, notary.token())
            .statusCode(200)
            .extract()
            .path("recordHash");
    RestAssured.given()
        .queryParam("fair", fair.id())
        .queryParam("number", 1)
        .queryParam("hash", hash)
        .get("/api/public/contracts/verify")
        .then()
        .statusCode(200)
        .body("valid", equalTo(true))
        .body("parties.size()", equalTo(2))
        .body("registeredOn", org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d{2}-\\d{2}"))
        .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("items")));
    RestAssured.given()
        .queryParam("fair", fair.id())
        .queryParam("number", 1)
        .queryParam("hash", "a".repeat(64))
        .get("/api/public/contracts/verify")
        .then()
        .statusCode(200)
        .body("valid", equalTo(false))
        .body("parties.size()", equalTo(0));
    RestAssured.given()
        .queryParam("fair", fair.id())
        .queryParam("number", 1)
        .queryParam("hash", "not-a-hash")
        .get("/api/public/contracts/verify")
        .then()
        .statusCode(400);
  }

  @Test
  void thePdfIsForThePartiesAndStaffOnly() throws Exception {
    var fair = Fixtures.fair("LIVE");
    var notary = Fixtures.person(fair.id(), null, "notary");
    var ngo = Fixtures.person(fair.id(), null);
    var bank =
        Fixtures.person(fair.id(), Fixtures.entity(fair.id(), "Bank Spółdzielczy", "BUSINESS"));
    var stranger = Fixtures.person(fair.id(), null);
    long id = Contracts.signedBy(fair.id(), Contracts.swap(ngo, bank), ngo, bank);
    as(ngo.token())
        .get(Contracts.path(fair.id(), id) + "/pdf")
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:gielda:problem:not-registered"));
    String hash =
        Contracts.register(fair.id(), id, notary.token())
            .statusCode(200)
            .extract()
            .path("recordHash");

    byte[] pdf =
        as(bank.token())
            .get(Contracts.path(fair.id(), id) + "/pdf")
            .then()
            .statusCode(200)
            .contentType("application/pdf")
            .extract()
            .asByteArray();
    PdfReader reader = new PdfReader(pdf);
    String text = new PdfTextExtractor(reader).getTextFromPage(1);
    reader.close();
    assertThat(text)
        .contains("Kontrakt nr 1")
        .contains("Bank Spółdzielczy")
        .contains("sala na warsztaty")
        .contains(hash);
    as(notary.token()).get(Contracts.path(fair.id(), id) + "/pdf").then().statusCode(200);
    as(Fixtures.organiser()).get(Contracts.path(fair.id(), id) + "/pdf").then().statusCode(200);
    as(stranger.token()).get(Contracts.path(fair.id(), id) + "/pdf").then().statusCode(403);
  }
}
