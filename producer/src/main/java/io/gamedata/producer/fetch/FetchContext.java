package io.gamedata.producer.fetch;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.json.Json;
import io.gamedata.producer.checkpoint.StateStore;
import io.gamedata.producer.client.IgdbClient;
import io.gamedata.producer.config.ProducerConfig;
import io.gamedata.producer.publish.RawCopyWriter;
import io.gamedata.producer.publish.RecordSink;
import java.util.Optional;

/**
 * What every part of one bulk fetch shares: the settings, the IGDB client, where pages go (the
 * sink, the raw copy), the checkpoint store, the counters; the queries of keyset paging and the
 * checkpoints' JSON.
 */
final class FetchContext {

  /** The run-level checkpoint's key. */
  static final String RUN_KEY = "fetch/run";

  final ProducerConfig config;
  final IgdbClient client;
  final RecordSink sink;
  final StateStore state;
  final Optional<RawCopyWriter> raw;
  final FetchStats stats;
  final int pageSize;

  FetchContext(
      ProducerConfig config,
      IgdbClient client,
      RecordSink sink,
      StateStore state,
      Optional<RawCopyWriter> raw,
      FetchStats stats) {
    this.config = config;
    this.client = client;
    this.sink = sink;
    this.state = state;
    this.raw = raw;
    this.stats = stats;
    this.pageSize = config.pageSize();
  }

  /** The last page of an endpoint: its top ids. */
  String topQuery() {
    return "fields *; sort id desc; limit " + pageSize + ";";
  }

  /** The page after {@code after} up to {@code upTo} ({@code -1}: open-ended). */
  String pageQuery(long after, long upTo) {
    return "fields *; where id > "
        + after
        + (upTo >= 0 ? " & id <= " + upTo : "")
        + "; sort id asc; limit "
        + pageSize
        + ";";
  }

  Optional<BulkFetcher.RunState> readRun() {
    return state.get(RUN_KEY).map(j -> readJson(j, BulkFetcher.RunState.class));
  }

  Optional<FetchState> readState(IgdbEndpoint e) {
    return state.get(stateKey(e)).map(j -> readJson(j, FetchState.class));
  }

  static String stateKey(IgdbEndpoint e) {
    return "fetch/" + e.path();
  }

  void writeJson(String key, Object value) {
    state.put(key, json(key, value));
  }

  static String json(String key, Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("Cannot write checkpoint " + key, ex);
    }
  }

  private static <T> T readJson(String json, Class<T> type) {
    try {
      return Json.mapper().readValue(json, type);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("Unreadable checkpoint: " + ex.getOriginalMessage(), ex);
    }
  }
}
