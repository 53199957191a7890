package pl.gielda.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import pl.gielda.support.Fixtures;

/**
 * More simultaneous writes than the database pool has connections: each write holds a connection
 * for its transaction and checks the caller's badge meanwhile. That check must not wait for a
 * second connection of the same pool, or a burst at the fair's busiest moment deadlocks until every
 * request times out.
 */
@QuarkusTest
@TestProfile(SmallPoolTest.PoolOfThree.class)
class SmallPoolTest {

  public static class PoolOfThree implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("quarkus.datasource.reactive.max-size", "3");
    }
  }

  @Test
  void twelveSimultaneousPostsThroughAPoolOfThreeAllSucceed() throws Exception {
    var fair = Fixtures.fair("LIVE");
    List<Fixtures.PersonRef> people =
        IntStream.range(0, 12).mapToObj(i -> Fixtures.person(fair.id(), null)).toList();
    ExecutorService phones = Executors.newFixedThreadPool(12);
    try {
      List<Future<Long>> posts =
          people.stream()
              .map(
                  p ->
                      phones.submit(
                          () ->
                              Fixtures.createPost(
                                  fair.id(), p.token(), Fixtures.offer("Sala od " + p.id()))))
              .toList();
      for (Future<Long> post : posts) {
        assertThat(post.get(20, TimeUnit.SECONDS)).isPositive();
      }
    } finally {
      phones.shutdownNow();
    }
  }
}
