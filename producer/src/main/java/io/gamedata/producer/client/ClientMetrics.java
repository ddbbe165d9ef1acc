package io.gamedata.producer.client;

import java.util.concurrent.atomic.LongAdder;

/** Counters of the HTTP side, shared by every caller of one {@link IgdbClient}. */
public final class ClientMetrics {
  public final LongAdder requests = new LongAdder();
  public final LongAdder throttled = new LongAdder();
  public final LongAdder serverErrors = new LongAdder();
  public final LongAdder ioErrors = new LongAdder();
  public final LongAdder retries = new LongAdder();
  public final LongAdder tokenRenewals = new LongAdder();
  public final LongAdder bytes = new LongAdder();
}
