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
import pl.gielda.support.Contracts;
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

  @Test
  void twelveSimultaneousProposalsThenTwelveSignaturesThroughAPoolOfThreeAllSucceed()
      throws Exception {
    var fair = Fixtures.fair("LIVE");
    var notary = Fixtures.person(fair.id(), null, "notary");
    List<Fixtures.PersonRef[]> pairs =
        IntStream.range(0, 12)
            .mapToObj(
                i ->
                    new Fixtures.PersonRef[] {
                      Fixtures.person(fair.id(), null), Fixtures.person(fair.id(), null)
                    })
            .toList();
    ExecutorService phones = Executors.newFixedThreadPool(12);
    try {
      List<Future<Long>> proposed =
          pairs.stream()
              .map(
                  p ->
                      phones.submit(
                          () ->
                              Contracts.proposed(
                                  fair.id(), p[0].token(), Contracts.swap(p[0], p[1]))))
              .toList();
      List<Long> ids = new java.util.ArrayList<>();
      for (Future<Long> f : proposed) {
        ids.add(f.get(20, TimeUnit.SECONDS));
      }
      List<Future<?>> work = new java.util.ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        long id = ids.get(i);
        for (Fixtures.PersonRef person : pairs.get(i)) {
          work.add(
              phones.submit(() -> Contracts.sign(fair.id(), id, person.token()).statusCode(200)));
        }
      }
      for (Future<?> f : work) {
        f.get(20, TimeUnit.SECONDS);
      }
      List<Future<?>> registered = new java.util.ArrayList<>();
      for (long id : ids) {
        registered.add(
            phones.submit(() -> Contracts.register(fair.id(), id, notary.token()).statusCode(200)));
      }
      for (Future<?> f : registered) {
        f.get(20, TimeUnit.SECONDS);
      }
    } finally {
      phones.shutdownNow();
    }
  }
}
