package io.gamedata.simulator.fault;

import java.util.Set;
import java.util.SplittableRandom;

/**
 * Fault injection settings; immutable, swap the whole object to change them at run time.
 *
 * @param failingIds ids whose pages answer HTTP 500 (any answer that would contain one)
 * @param errorRate share of API requests answered with a random 5xx (500, 502, 503, 504)
 * @param latency extra latency per API request
 * @param truncateRate share of 200 answers whose body is cut in half (malformed JSON)
 * @param requireUserAgent answer 403 "error code: 1010" to requests without a User-Agent
 */
public record Faults(
    Set<Long> failingIds,
    double errorRate,
    Latency latency,
    double truncateRate,
    boolean requireUserAgent) {

  public Faults {
    failingIds = Set.copyOf(failingIds);
    if (errorRate < 0 || errorRate > 1) {
      throw new IllegalArgumentException("errorRate must be in [0,1]: " + errorRate);
    }
    if (truncateRate < 0 || truncateRate > 1) {
      throw new IllegalArgumentException("truncateRate must be in [0,1]: " + truncateRate);
    }
    latency = latency == null ? Latency.NONE : latency;
  }

  /** No faults, but Cloudflare's User-Agent check on (as IGDB). */
  public static Faults none() {
    return new Faults(Set.of(), 0, Latency.NONE, 0, true);
  }

  public Faults withFailingIds(Set<Long> ids) {
    return new Faults(ids, errorRate, latency, truncateRate, requireUserAgent);
  }

  public Faults withErrorRate(double rate) {
    return new Faults(failingIds, rate, latency, truncateRate, requireUserAgent);
  }

  public Faults withLatency(Latency l) {
    return new Faults(failingIds, errorRate, l, truncateRate, requireUserAgent);
  }

  public Faults withTruncateRate(double rate) {
    return new Faults(failingIds, errorRate, latency, rate, requireUserAgent);
  }

  /** The option {@code --allow-no-user-agent} of the command line, for embedded simulators. */
  public Faults withRequireUserAgent(boolean require) {
    return new Faults(failingIds, errorRate, latency, truncateRate, require);
  }

  /**
   * A latency distribution in milliseconds: {@code none}, {@code fixed:50}, {@code uniform:10-200},
   * {@code exp:40} (exponential with that mean).
   */
  public record Latency(String kind, double a, double b) {
    public static final Latency NONE = new Latency("none", 0, 0);

    /** Parses {@code none | fixed:MS | uniform:MIN-MAX | exp:MEAN}. */
    public static Latency parse(String spec) {
      String s = spec.trim();
      try {
        if (s.equals("none") || s.isEmpty()) {
          return NONE;
        } else if (s.startsWith("fixed:")) {
          return new Latency("fixed", Double.parseDouble(s.substring(6)), 0);
        } else if (s.startsWith("uniform:")) {
          String[] p = s.substring(8).split("-");
          return new Latency("uniform", Double.parseDouble(p[0]), Double.parseDouble(p[1]));
        } else if (s.startsWith("exp:")) {
          return new Latency("exp", Double.parseDouble(s.substring(4)), 0);
        }
      } catch (RuntimeException e) {
        // fall through
      }
      throw new IllegalArgumentException(
          "latency must be none, fixed:MS, uniform:MIN-MAX or exp:MEAN, not '" + spec + "'");
    }

    /** A draw in milliseconds. */
    public long sampleMillis(SplittableRandom rng) {
      return switch (kind) {
        case "fixed" -> (long) a;
        case "uniform" -> (long) (a + (b - a) * rng.nextDouble());
        case "exp" -> (long) (-a * Math.log(1 - rng.nextDouble()));
        default -> 0;
      };
    }
  }
}
