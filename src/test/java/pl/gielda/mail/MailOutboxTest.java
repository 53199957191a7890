package pl.gielda.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pl.gielda.support.Contracts;
import pl.gielda.support.Fixtures;
import pl.gielda.support.TestDatabase;
import pl.gielda.support.TestSmtp;

/**
 * The outbox against a real SMTP server on a real port: GreenMail, and plain sockets on the same
 * port that refuse or never answer.
 */
@QuarkusTest
class MailOutboxTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @AfterEach
  void serverIsBack() {
    TestSmtp.ensureRunning();
  }

  @Test
  void registeringAContractMailsItsPdfToEachPartyWhoseContactIsAnEmail() throws Exception {
    var fair = Fixtures.fair("LIVE");
    String a = "fundacja" + Fixtures.unique() + "@example.org";
    String b = "piekarnia" + Fixtures.unique() + "@example.org";
    long contract = registeredContract(fair.id(), a, b);

    await().atMost(WAIT).until(() -> to(a).size() == 1 && to(b).size() == 1);
    MimeMessage mail = to(a).get(0);
    assertThat(mail.getSubject()).startsWith("Kontrakt nr ").contains("zarejestrowany");
    assertThat(attachmentNames(mail)).anyMatch(n -> n.matches("kontrakt-\\d+\\.pdf"));
    assertThat(mail.getHeader("Message-ID")[0]).isEqualTo(outbox(contract, a).get("message_id"));
    assertThat(outbox(contract, a)).containsEntry("status", "SENT");
  }

  @Test
  void aMailServerThatIsDownDelaysTheMailWhichArrivesOnceWhenItIsBack() throws Exception {
    var fair = Fixtures.fair("LIVE");
    String a = "down" + Fixtures.unique() + "@example.org";
    TestSmtp.stopServer();
    long contract = registeredContract(fair.id(), a, "other" + Fixtures.unique() + "@example.org");

    await()
        .atMost(WAIT)
        .until(() -> ((Number) outbox(contract, a).get("attempts")).intValue() >= 2);
    assertThat(outbox(contract, a).get("status")).isIn("PENDING", "SENDING");
    assertThat((String) outbox(contract, a).get("last_error")).contains("Connection refused");
    assertThat(to(a)).isEmpty();

    TestSmtp.startServer();
    await().atMost(WAIT).until(() -> "SENT".equals(outbox(contract, a).get("status")));
    // Several more worker runs (every 300 ms here) must not send it again.
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> to(a).size() == 1);
  }

  @Test
  void aServerThatRefusesTheAddressMarksTheMailFailedForTheOrganiser() throws Exception {
    var fair = Fixtures.fair("LIVE");
    String a = "refused" + Fixtures.unique() + "@example.org";
    TestSmtp.stopServer();
    long contract;
    try (FakeServer refusing = FakeServer.refusingRecipients()) {
      contract = registeredContract(fair.id(), a, "x" + Fixtures.unique() + "@example.org");
      await().atMost(WAIT).until(() -> "FAILED".equals(outbox(contract, a).get("status")));
    }
    assertThat((String) outbox(contract, a).get("smtp_reply")).contains("550");

    long id = ((Number) outbox(contract, a).get("id")).longValue();
    var list =
        Fixtures.as(Fixtures.organiser())
            .get("/api/fairs/" + fair.id() + "/mail")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(list.getList("findAll { it.id == " + id + " }.status")).containsExactly("FAILED");

    TestSmtp.startServer();
    Fixtures.as(Fixtures.organiser())
        .post("/api/fairs/" + fair.id() + "/mail/" + id + "/retry")
        .then()
        .statusCode(200);
    await().atMost(WAIT).until(() -> "SENT".equals(outbox(contract, a).get("status")));
    assertThat(to(a)).hasSize(1);
  }

  @Test
  void aServerThatNeverAnswersIsGivenUpOnInTimeAndTheMailWaits() throws Exception {
    var fair = Fixtures.fair("LIVE");
    String a = "hang" + Fixtures.unique() + "@example.org";
    TestSmtp.stopServer();
    long contract;
    try (FakeServer hanging = FakeServer.silent()) {
      contract = registeredContract(fair.id(), a, "y" + Fixtures.unique() + "@example.org");
      await()
          .atMost(WAIT)
          .until(() -> String.valueOf(outbox(contract, a).get("last_error")).contains("no answer"));
      assertThat(outbox(contract, a).get("status")).isIn("PENDING", "SENDING");
    }
    TestSmtp.startServer();
    await().atMost(WAIT).until(() -> "SENT".equals(outbox(contract, a).get("status")));
    assertThat(to(a)).hasSize(1);
  }

  @Test
  void onlyTheOrganiserReadsTheOutbox() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    Fixtures.as(person.token()).get("/api/fairs/" + fair.id() + "/mail").then().statusCode(403);
    io.restassured.RestAssured.given()
        .get("/api/fairs/" + fair.id() + "/mail")
        .then()
        .statusCode(401);
    Fixtures.as(Fixtures.anotherOrganiser())
        .get("/api/fairs/" + fair.id() + "/mail")
        .then()
        .statusCode(403);
  }

  /** Two entities with e-mail contacts sign a swap; the notary registers it. */
  private static long registeredContract(long fairId, String contactA, String contactB) {
    long entityA = entity(fairId, "Fundacja", "NGO", contactA);
    long entityB = entity(fairId, "Piekarnia", "BUSINESS", contactB);
    var a = Fixtures.person(fairId, entityA);
    var b = Fixtures.person(fairId, entityB);
    long id = Contracts.signedBy(fairId, Contracts.swap(a, b), a, b);
    var notary = Fixtures.person(fairId, null, "notary");
    Contracts.register(fairId, id, notary.token()).statusCode(200);
    return id;
  }

  private static long entity(long fairId, String name, String sector, String contact) {
    return ((Number)
            Fixtures.as(Fixtures.organiser())
                .body(
                    Map.of(
                        "name",
                        name + " " + Fixtures.unique(),
                        "sector",
                        sector,
                        "town",
                        "Tczew",
                        "contact",
                        contact))
                .post("/api/fairs/" + fairId + "/entities")
                .then()
                .statusCode(201)
                .extract()
                .path("id"))
        .longValue();
  }

  private static List<MimeMessage> to(String address) throws Exception {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : TestSmtp.received()) {
      if (Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address))) {
        out.add(m);
      }
    }
    return out;
  }

  private static List<String> attachmentNames(MimeMessage mail) throws Exception {
    List<String> names = new ArrayList<>();
    Multipart parts = (Multipart) mail.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      if (parts.getBodyPart(i).getFileName() != null) {
        names.add(parts.getBodyPart(i).getFileName());
      }
    }
    return names;
  }

  private static Map<String, Object> outbox(long contractId, String to) throws Exception {
    try (Connection c = TestDatabase.connect();
        var st =
            c.prepareStatement(
                "select id, status, attempts, message_id, last_error, smtp_reply from mail_outbox"
                    + " where contract_id = ? and to_address = ?")) {
      st.setLong(1, contractId);
      st.setString(2, to);
      try (ResultSet r = st.executeQuery()) {
        if (!r.next()) {
          return Map.of("status", "NONE", "attempts", 0);
        }
        Map<String, Object> row = new java.util.HashMap<>();
        for (String col :
            List.of("id", "status", "attempts", "message_id", "last_error", "smtp_reply")) {
          row.put(col, r.getObject(col));
        }
        return row;
      }
    }
  }

  /** A plain socket server on the SMTP port: one that refuses recipients, or one that is silent. */
  static final class FakeServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> clients = new ArrayList<>();

    private FakeServer(boolean answer) throws Exception {
      socket = new ServerSocket(TestSmtp.port(), 50, InetAddress.getLoopbackAddress());
      Thread t = new Thread(() -> accept(answer), "fake-smtp");
      t.setDaemon(true);
      t.start();
    }

    static FakeServer refusingRecipients() throws Exception {
      return new FakeServer(true);
    }

    static FakeServer silent() throws Exception {
      return new FakeServer(false);
    }

    private void accept(boolean answer) {
      while (!socket.isClosed()) {
        try {
          Socket client = socket.accept();
          // Closed with a reset, not a FIN: no TIME_WAIT keeps GreenMail off the port afterwards.
          client.setSoLinger(true, 0);
          synchronized (clients) {
            clients.add(client);
          }
          if (answer) {
            Thread t = new Thread(() -> refuse(client), "fake-smtp-client");
            t.setDaemon(true);
            t.start();
          }
        } catch (Exception closed) {
          return;
        }
      }
    }

    private static void refuse(Socket client) {
      try (var in =
              new BufferedReader(
                  new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
          var out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
        out.print("220 refusing.test ESMTP\r\n");
        out.flush();
        String line;
        while ((line = in.readLine()) != null) {
          String cmd = line.toUpperCase();
          if (cmd.startsWith("EHLO") || cmd.startsWith("HELO")) {
            out.print("250 refusing.test\r\n");
          } else if (cmd.startsWith("MAIL FROM")) {
            out.print("250 OK\r\n");
          } else if (cmd.startsWith("RCPT TO")) {
            out.print("550 5.1.1 No such user here\r\n");
          } else if (cmd.startsWith("QUIT")) {
            out.print("221 Bye\r\n");
            out.flush();
            return;
          } else {
            out.print("503 5.5.1 Bad sequence\r\n");
          }
          out.flush();
        }
      } catch (Exception e) {
        // the client went away
      }
    }

    @Override
    public void close() throws Exception {
      socket.close();
      synchronized (clients) {
        for (Socket c : clients) {
          c.close();
        }
      }
    }
  }
}
