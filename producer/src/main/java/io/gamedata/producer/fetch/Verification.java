package io.gamedata.producer.fetch;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.producer.client.IgdbClient;
import io.gamedata.producer.config.ProducerConfig;
import io.gamedata.producer.publish.TopicIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Compares, per endpoint, the ids live in Kafka with IGDB's {@code /count}. */
public final class Verification {

  /** One endpoint's comparison; {@code badIds} known to be unfetchable explain a shortfall. */
  public record Row(IgdbEndpoint endpoint, long igdbCount, long kafkaIds, long badIds) {
    public boolean ok() {
      return kafkaIds + badIds == igdbCount;
    }
  }

  private Verification() {}

  public static List<Row> run(
      ProducerConfig config, IgdbClient client, List<IgdbEndpoint> endpoints, List<BadId> bad) {
    List<Row> rows = new ArrayList<>();
    for (IgdbEndpoint e : endpoints) {
      long igdb = client.count(e.path(), "");
      long kafka =
          TopicIds.read(config.kafkaBootstrapServers(), config.topicFor(e), Duration.ofMinutes(5))
              .count();
      long b = bad.stream().filter(x -> x.endpoint().equals(e.path())).count();
      rows.add(new Row(e, igdb, kafka, b));
    }
    return rows;
  }

  public static String render(List<Row> rows) {
    StringBuilder sb = new StringBuilder("Verification (ids in Kafka vs IGDB /count):\n");
    for (Row r : rows) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-22s igdb=%,d kafka=%,d bad=%d %s%n",
              r.endpoint().path(),
              r.igdbCount(),
              r.kafkaIds(),
              r.badIds(),
              r.ok() ? "OK" : "MISMATCH"));
    }
    return sb.toString();
  }
}
