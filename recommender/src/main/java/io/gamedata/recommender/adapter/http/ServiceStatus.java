package io.gamedata.recommender.adapter.http;

/** What the HTTP side reports about the rest of the service (liveness, catch-up). */
public interface ServiceStatus {

  /** False when the service cannot recover by itself (e.g. the writer thread died). */
  boolean live();

  /** True once the index caught up with its source at least once. */
  boolean ready();

  /** Records not applied yet; -1 = unknown. */
  long lag();

  /** A short word for where start-up is (e.g. LOADING, LIVE). */
  String phase();
}
