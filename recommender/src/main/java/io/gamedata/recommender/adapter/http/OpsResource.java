package io.gamedata.recommender.adapter.http;

import io.gamedata.contracts.json.Json;
import io.gamedata.http.Exchange;
import io.gamedata.http.Responses;
import io.gamedata.recommender.engine.EngineStats;
import io.gamedata.recommender.engine.SimilarityEngine;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /health} (liveness), {@code /ready} (caught up) and {@code /api/stats}. */
final class OpsResource {

  private final SimilarityEngine engine;
  private final ServiceStatus status;

  OpsResource(SimilarityEngine engine, ServiceStatus status) {
    this.engine = engine;
    this.status = status;
  }

  void health(Exchange ctx) {
    boolean up = status.live();
    Responses.json(ctx, up ? 200 : 503, Map.of("status", up ? "UP" : "DOWN"), Json.mapper());
  }

  void ready(Exchange ctx) {
    boolean ready = status.ready() && status.live();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ready", ready);
    body.put("phase", status.phase());
    body.put("lag", status.lag());
    Responses.json(ctx, ready ? 200 : 503, body, Json.mapper());
  }

  void stats(Exchange ctx) {
    Responses.json(ctx, 200, stats(), Json.mapper());
  }

  /** What {@code /api/stats} answers (also sent on the live feed). */
  Map<String, Object> stats() {
    EngineStats s = engine.stats();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("games", s.games());
    m.put("idf_generation", s.idfGeneration());
    m.put("lag", status.lag());
    m.put("ready", status.ready());
    m.put("phase", status.phase());
    m.put("terms", s.terms());
    m.put("postings", s.postings());
    m.put("drift", s.drift());
    m.put("upserts", s.upserts());
    m.put("deletes", s.deletes());
    m.put("last_build_ms", s.lastBuildMillis());
    return m;
  }
}
