package io.gamedata.streams.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.streams.config.StreamsAppConfig;
import io.gamedata.streams.metrics.PipelineMetrics;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsPropertiesFactoryTest {

  @Test
  void defaultsAreExactlyOnceWithShortPollsAndPassThroughSettingsWin() {
    Properties defaults =
        StreamsPropertiesFactory.build(
            StreamsAppConfig.builder("localhost:9092").build(), new PipelineMetrics());
    assertThat(defaults.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
        .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    assertThat(defaults.get(StreamsConfig.POLL_MS_CONFIG)).isEqualTo(20);
    assertThat(defaults.get(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)).isEqualTo(0L);

    Properties overridden =
        StreamsPropertiesFactory.build(
            StreamsAppConfig.builder("localhost:9092")
                .set(StreamsAppConfig.STREAMS_PREFIX + StreamsConfig.POLL_MS_CONFIG, "100")
                .build(),
            new PipelineMetrics());
    assertThat(overridden.get(StreamsConfig.POLL_MS_CONFIG)).isEqualTo("100");
  }
}
