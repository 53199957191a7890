package pl.gielda.common.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventLoopsDefaultTest {

  @Inject Vertx vertx;

  @Test
  void theAppRunsTwoEventLoopsPerCore() {
    int loops =
        ((io.netty.channel.MultithreadEventLoopGroup) ((VertxInternal) vertx).getEventLoopGroup())
            .executorCount();

    assertThat(loops).isEqualTo(2 * Runtime.getRuntime().availableProcessors());
  }

  @Test
  void aMachineWithOneCoreStillGetsTwoLoops() {
    assertThat(EventLoopsDefault.loopsFor(1)).isEqualTo(2);
    assertThat(EventLoopsDefault.loopsFor(0)).isEqualTo(2);
    assertThat(EventLoopsDefault.loopsFor(8)).isEqualTo(16);
  }

  @Test
  void anOperatorsSettingWinsOverTheDefault() {
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withSources(new EventLoopsDefault())
            .withSources(
                new PropertiesConfigSource(
                    Map.of(EventLoopsDefault.PROPERTY, "3"), "environment", 300))
            .build();

    assertThat(config.getValue(EventLoopsDefault.PROPERTY, Integer.class)).isEqualTo(3);
  }

  @Test
  void withoutASettingTheDefaultIsTwoPerCore() {
    SmallRyeConfig config =
        new SmallRyeConfigBuilder().withSources(new EventLoopsDefault()).build();

    assertThat(config.getValue(EventLoopsDefault.PROPERTY, Integer.class))
        .isEqualTo(2 * Runtime.getRuntime().availableProcessors());
  }
}
