package io.gamedata.producer.fetch;

import java.util.ArrayList;
import java.util.List;

/**
 * The checkpoint of one endpoint in one fetch run, stored as JSON under {@code fetch/<endpoint>}:
 * the id ranges of the plan with each range's keyset cursor, and the bad ids found so far.
 */
public final class FetchState {

  /** One id range {@code (lo, hi]} scanned by keyset paging; {@code hi = -1} means open-ended. */
  public static final class Range {
    public long lo;
    public long hi;
    public long cursor;
    public boolean done;

    public Range() {}

    public Range(long lo, long hi) {
      this.lo = lo;
      this.hi = hi;
      this.cursor = lo;
    }

    public boolean openEnded() {
      return hi < 0;
    }

    /** Upper bound for arithmetic: {@link Long#MAX_VALUE} when open-ended. */
    public long upper() {
      return hi < 0 ? Long.MAX_VALUE : hi;
    }
  }

  public String runId;
  public boolean planned;

  /** Records per id of the endpoint, estimated by the plan (0 = unknown); sizes range splits. */
  public double density;

  public List<Range> ranges = new ArrayList<>();
  public List<BadId> badIds = new ArrayList<>();
  public long recordsPublished;

  public FetchState() {}

  public FetchState(String runId) {
    this.runId = runId;
  }

  public boolean complete() {
    return planned && ranges.stream().allMatch(r -> r.done);
  }
}
