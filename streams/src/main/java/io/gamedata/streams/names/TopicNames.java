package io.gamedata.streams.names;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.topic.Topics;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The topic names the topology reads and writes. Defaults are the contract names of {@link Topics};
 * tests and the configuration replace them (e.g. unique names per test).
 */
public record TopicNames(
    Map<IgdbEndpoint, String> raw, String enriched, String changes, String deadLetters) {

  public TopicNames {
    raw = Map.copyOf(new EnumMap<>(raw));
    for (IgdbEndpoint e : IgdbEndpoint.values()) {
      Objects.requireNonNull(raw.get(e), "no topic for " + e.path());
    }
    Objects.requireNonNull(enriched, "enriched");
    Objects.requireNonNull(changes, "changes");
    Objects.requireNonNull(deadLetters, "deadLetters");
  }

  /** The contract names. */
  public static TopicNames defaults() {
    Map<IgdbEndpoint, String> raw = new EnumMap<>(IgdbEndpoint.class);
    for (IgdbEndpoint e : IgdbEndpoint.values()) {
      raw.put(e, Topics.raw(e).name());
    }
    return new TopicNames(
        raw, Topics.GAMES_ENRICHED.name(), Topics.GAMES_CHANGES.name(), Topics.GAMES_DLQ.name());
  }

  public String games() {
    return raw.get(IgdbEndpoint.GAMES);
  }

  public String raw(IgdbEndpoint endpoint) {
    return raw.get(endpoint);
  }

  /** The reference topics, in {@link IgdbEndpoint#references()} order. */
  public List<String> references() {
    return IgdbEndpoint.references().stream().map(raw::get).toList();
  }

  /** The endpoint a raw topic belongs to, or null. */
  public IgdbEndpoint endpointOf(String topic) {
    for (Map.Entry<IgdbEndpoint, String> e : raw.entrySet()) {
      if (e.getValue().equals(topic)) {
        return e.getKey();
      }
    }
    return null;
  }
}
