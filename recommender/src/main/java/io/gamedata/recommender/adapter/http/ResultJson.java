package io.gamedata.recommender.adapter.http;

import com.fasterxml.jackson.core.JsonGenerator;
import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.json.Json;
import io.gamedata.recommender.engine.ScoredGame;
import io.gamedata.recommender.engine.SimilarityEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON of result lists, streamed straight into a per-thread buffer (no intermediate maps: this
 * is the hot path of {@code /similar}); null fields are left out like the shared mapper does.
 */
final class ResultJson {

  private final SimilarityEngine engine;

  ResultJson(SimilarityEngine engine) {
    this.engine = engine;
  }

  /** {@code {"game": summary, "idf_generation": .., "results": [..]}}. */
  byte[] similar(EnrichedGame game, long generation, List<ScoredGame> results, boolean explain)
      throws IOException {
    ResponseBuffer out = ResponseBuffer.get();
    try (JsonGenerator j = out.generator()) {
      j.writeStartObject();
      j.writeFieldName("game");
      writeSummary(j, game);
      j.writeNumberField("idf_generation", generation);
      j.writeFieldName("results");
      writeResults(j, results, explain);
      j.writeEndObject();
    }
    return out.toByteArray();
  }

  /** {@code {"liked": [..], "disliked": [..], "idf_generation": .., "results": [..]}}. */
  byte[] recommendations(
      List<Long> liked,
      List<Long> disliked,
      long generation,
      List<ScoredGame> results,
      boolean explain)
      throws IOException {
    ResponseBuffer out = ResponseBuffer.get();
    try (JsonGenerator j = out.generator()) {
      j.writeStartObject();
      j.writeFieldName("liked");
      writeIds(j, liked);
      j.writeFieldName("disliked");
      writeIds(j, disliked);
      j.writeNumberField("idf_generation", generation);
      j.writeFieldName("results");
      writeResults(j, results, explain);
      j.writeEndObject();
    }
    return out.toByteArray();
  }

  /** A game's summary as a map (for the shared mapper). */
  static Map<String, Object> summary(EnrichedGame g) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", g.id());
    m.put("name", g.name());
    m.put("release_year", g.releaseYear());
    m.put("platforms", g.platforms());
    m.put("genres", g.genres());
    m.put("game_type", g.gameType());
    m.put("cover_url", g.coverUrl());
    m.put("total_rating", g.totalRating() == null ? null : Math.round(g.totalRating() * 10) / 10.0);
    m.put("total_rating_count", g.totalRatingCount());
    return m;
  }

  private void writeResults(JsonGenerator j, List<ScoredGame> results, boolean explain)
      throws IOException {
    j.writeStartArray();
    for (ScoredGame r : results) {
      j.writeStartObject();
      j.writeNumberField("id", r.id());
      stringField(j, "name", r.name());
      j.writeNumberField("score", Math.round(r.score() * 1e6) / 1e6);
      Optional<EnrichedGame> doc = engine.game(r.id());
      if (doc.isPresent()) {
        EnrichedGame g = doc.get();
        if (g.releaseYear() != null) {
          j.writeNumberField("release_year", g.releaseYear());
        }
        stringsField(j, "platforms", g.platforms());
        stringField(j, "game_type", g.gameType());
        stringField(j, "cover_url", g.coverUrl());
        writeRating(j, g);
      }
      if (explain) {
        stringsField(j, "reasons", r.reasons());
      }
      j.writeEndObject();
    }
    j.writeEndArray();
  }

  private static void writeSummary(JsonGenerator j, EnrichedGame g) throws IOException {
    j.writeStartObject();
    j.writeNumberField("id", g.id());
    stringField(j, "name", g.name());
    if (g.releaseYear() != null) {
      j.writeNumberField("release_year", g.releaseYear());
    }
    stringsField(j, "platforms", g.platforms());
    stringsField(j, "genres", g.genres());
    stringField(j, "game_type", g.gameType());
    stringField(j, "cover_url", g.coverUrl());
    writeRating(j, g);
    j.writeEndObject();
  }

  /** IGDB's total rating (0..100, one decimal) and how many rated: what equal scores go by. */
  private static void writeRating(JsonGenerator j, EnrichedGame g) throws IOException {
    if (g.totalRating() != null) {
      j.writeNumberField("total_rating", Math.round(g.totalRating() * 10) / 10.0);
    }
    if (g.totalRatingCount() != null) {
      j.writeNumberField("total_rating_count", g.totalRatingCount());
    }
  }

  private static void writeIds(JsonGenerator j, List<Long> ids) throws IOException {
    j.writeStartArray();
    for (long id : ids) {
      j.writeNumber(id);
    }
    j.writeEndArray();
  }

  private static void stringField(JsonGenerator j, String name, String value) throws IOException {
    if (value != null) {
      j.writeStringField(name, value);
    }
  }

  private static void stringsField(JsonGenerator j, String name, List<String> values)
      throws IOException {
    if (values == null) {
      return;
    }
    j.writeArrayFieldStart(name);
    for (String v : values) {
      if (v == null) {
        j.writeNull();
      } else {
        j.writeString(v);
      }
    }
    j.writeEndArray();
  }

  /** A per-thread growable buffer for streamed JSON answers (HTTP threads are pooled). */
  private static final class ResponseBuffer extends ByteArrayOutputStream {
    private static final ThreadLocal<ResponseBuffer> BUFFERS =
        ThreadLocal.withInitial(() -> new ResponseBuffer(16 * 1024));

    private ResponseBuffer(int size) {
      super(size);
    }

    static ResponseBuffer get() {
      ResponseBuffer b = BUFFERS.get();
      b.reset();
      return b;
    }

    JsonGenerator generator() throws IOException {
      return Json.mapper().getFactory().createGenerator(this);
    }
  }
}
