package pl.gielda.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static pl.gielda.support.Fixtures.as;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pl.gielda.support.Fixtures;
import pl.gielda.support.TestTokens;

@QuarkusTest
class VerifiedTokensTest {

  @Inject MeterRegistry metrics;

  private double verifications() {
    return metrics.counter("gielda.auth.token.verifications").count();
  }

  private int readFair(String token, long fairId) {
    return as(token).get("/api/fairs/" + fairId).then().extract().statusCode();
  }

  @Test
  void aTokenIsVerifiedOnceAndThenRemembered() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    assertThat(readFair(person.token(), fair.id())).isEqualTo(200);
    double before = verifications();

    for (int i = 0; i < 3; i++) {
      assertThat(readFair(person.token(), fair.id())).isEqualTo(200);
    }

    assertThat(verifications()).isEqualTo(before);
  }

  @Test
  void aChangedCharacterIsVerifiedAndRefusedEvenWhenTheOriginalIsRemembered() {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    assertThat(readFair(person.token(), fair.id())).isEqualTo(200);
    double before = verifications();

    assertThat(readFair(TestTokens.tampered(person.token()), fair.id())).isEqualTo(401);
    assertThat(readFair(TestTokens.tampered(person.token()), fair.id())).isEqualTo(401);

    assertThat(verifications()).as("never remembered").isEqualTo(before + 2);
  }

  @Test
  void aRememberedTokenIsVerifiedAgainOnceItExpired() throws InterruptedException {
    var fair = Fixtures.fair("LIVE");
    var person = Fixtures.person(fair.id(), null);
    String shortLived =
        Jwt.upn("P:" + person.id())
            .issuer("https://gielda.local")
            .groups(Set.of("participant"))
            .claim("kind", "PERSON")
            .claim("uid", person.id())
            .claim("fair", fair.id())
            .claim("bv", 1)
            .expiresAt(Instant.now().plusSeconds(2))
            .sign();
    assertThat(readFair(shortLived, fair.id())).isEqualTo(200);
    double before = verifications();
    assertThat(readFair(shortLived, fair.id())).isEqualTo(200);
    assertThat(verifications()).as("remembered while valid").isEqualTo(before);

    Thread.sleep(3_000); // a real wait for the token's real expiry
    readFair(shortLived, fair.id());

    assertThat(verifications())
        .as("verified again (with the usual clock skew)")
        .isEqualTo(before + 1);
  }
}
