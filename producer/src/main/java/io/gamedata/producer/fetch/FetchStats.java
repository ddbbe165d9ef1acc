package io.gamedata.producer.fetch;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Live counters of a fetch, read by the progress display and the summary. */
public final class FetchStats {

  private final Map<IgdbEndpoint, LongAdder> records = new EnumMap<>(IgdbEndpoint.class);
  private final Map<IgdbEndpoint, LongAdder> bytes = new EnumMap<>(IgdbEndpoint.class);
  private final Map<IgdbEndpoint, AtomicLong> expected = new EnumMap<>(IgdbEndpoint.class);
  final LongAdder pages = new LongAdder();

  public FetchStats() {
    for (IgdbEndpoint e : IgdbEndpoint.values()) {
      records.put(e, new LongAdder());
      bytes.put(e, new LongAdder());
      expected.put(e, new AtomicLong());
    }
  }

  void add(IgdbEndpoint e, long n, long b) {
    records.get(e).add(n);
    bytes.get(e).add(b);
  }

  void expect(IgdbEndpoint e, long n) {
    expected.get(e).set(n);
  }

  public long records(IgdbEndpoint e) {
    return records.get(e).sum();
  }

  public long bytes(IgdbEndpoint e) {
    return bytes.get(e).sum();
  }

  public long totalRecords() {
    return records.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Rough number of records expected in all (from the id span of each plan). */
  public long totalExpected() {
    long sum = 0;
    for (IgdbEndpoint e : IgdbEndpoint.values()) {
      sum += Math.max(expected.get(e).get(), records(e));
    }
    return sum;
  }

  public long pages() {
    return pages.sum();
  }
}
