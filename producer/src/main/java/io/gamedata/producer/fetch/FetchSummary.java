package io.gamedata.producer.fetch;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a fetch did: time, records and bytes per endpoint, HTTP counters and bad ids. */
public record FetchSummary(
    String runId,
    boolean resumed,
    Duration elapsed,
    Map<IgdbEndpoint, Long> records,
    Map<IgdbEndpoint, Long> bytes,
    long requests,
    long throttled,
    long retries,
    long serverErrors,
    long tokenRenewals,
    List<BadId> badIds) {

  public long totalRecords() {
    return records.values().stream().mapToLong(Long::longValue).sum();
  }

  /** A plain-text table for the terminal and logs. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "Fetch %s%s finished in %.1f s: %,d records, %,d requests, %,d x 429, %,d retries,"
                + " %,d x 5xx, %,d token renewals, %d bad ids%n",
            runId,
            resumed ? " (resumed)" : "",
            elapsed.toMillis() / 1000.0,
            totalRecords(),
            requests,
            throttled,
            retries,
            serverErrors,
            tokenRenewals,
            badIds.size()));
    sb.append(String.format(Locale.ROOT, "  %-22s %12s %14s%n", "endpoint", "records", "bytes"));
    for (var e : records.entrySet()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-22s %,12d %,14d%n",
              e.getKey().path(),
              e.getValue(),
              bytes.getOrDefault(e.getKey(), 0L)));
    }
    for (BadId b : badIds) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  BAD ID %s/%d: HTTP %d %s%n",
              b.endpoint(),
              b.id(),
              b.status(),
              b.error()));
    }
    return sb.toString();
  }
}
