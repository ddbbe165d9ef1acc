package io.gamedata.recommender.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a raw IGDB {@code /v4/games} dump (a JSON array or NDJSON, {@code fields *} records) into
 * {@link EnrichedGame} documents for the engine and the evaluation tool.
 *
 * <p>References may be plain ids ({@code "genres": [5, 12]}), IGDB's expanded form ({@code
 * "genres": [{"id": 5, "name": "Shooter"}]}), objects with only an id or only a name, or single
 * values (pre-2025 {@code collection}, {@code franchise}). A reference's term is its name when
 * known (from the object, or from a sibling reference file such as {@code genres.json} next to the
 * games file), else {@code #<id>}. Companies: {@code "involved_companies": [{"company": {"name":
 * "..."}, "developer": true}]}, or ids resolved through a sibling {@code involved_companies.json}
 * (and {@code companies.json}); unresolvable involved-company ids are ignored (they identify a
 * game-company pair, not a company). Records may lack any field but {@code id}; records without an
 * id are counted in {@link Result#skipped()}.
 */
public final class IgdbDumpReader {

  /** IGDB game type names by id (game_types endpoint; pre-2025 {@code category} uses the same). */
  public static final Map<Long, String> GAME_TYPES =
      Map.ofEntries(
          Map.entry(0L, "Main Game"),
          Map.entry(1L, "DLC"),
          Map.entry(2L, "Expansion"),
          Map.entry(3L, "Bundle"),
          Map.entry(4L, "Standalone Expansion"),
          Map.entry(5L, "Mod"),
          Map.entry(6L, "Episode"),
          Map.entry(7L, "Season"),
          Map.entry(8L, "Remake"),
          Map.entry(9L, "Remaster"),
          Map.entry(10L, "Expanded Game"),
          Map.entry(11L, "Port"),
          Map.entry(12L, "Fork"),
          Map.entry(13L, "Pack"),
          Map.entry(14L, "Update"));

  private static final String[] REFERENCE_FILES = {
    "genres",
    "themes",
    "game_modes",
    "player_perspectives",
    "platforms",
    "keywords",
    "franchises",
    "collections",
    "game_engines",
    "companies"
  };

  /** Documents read and the number of records skipped (no id). */
  public record Result(List<EnrichedGame> games, int skipped) {}

  private final ObjectMapper mapper = Json.mapper();
  private final Map<String, Map<Long, String>> names = new HashMap<>();
  private final Map<Long, JsonNode> involved = new HashMap<>();

  /** Reads a dump file; sibling reference files, when present, resolve ids to names. */
  public static Result read(Path games) {
    IgdbDumpReader r = new IgdbDumpReader();
    Path dir = games.toAbsolutePath().getParent();
    if (dir != null) {
      r.loadReferences(dir);
    }
    try (InputStream in = Files.newInputStream(games)) {
      return r.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read IGDB dump " + games, e);
    }
  }

  /** Reads a dump from a stream (no reference files). */
  public Result read(InputStream in) throws IOException {
    List<EnrichedGame> out = new ArrayList<>();
    int skipped = 0;
    for (JsonNode n : nodes(in)) {
      if (!n.isObject() || !n.path("id").canConvertToLong()) {
        skipped++;
        continue;
      }
      out.add(toGame(n));
    }
    return new Result(out, skipped);
  }

  private List<JsonNode> nodes(InputStream in) throws IOException {
    JsonParser p = mapper.getFactory().createParser(in);
    List<JsonNode> out = new ArrayList<>();
    JsonToken first = p.nextToken();
    if (first == null) {
      return out;
    }
    if (first == JsonToken.START_ARRAY) {
      JsonToken t;
      while ((t = p.nextToken()) != null && t != JsonToken.END_ARRAY) {
        out.add(mapper.readTree(p));
      }
      return out;
    }
    try (MappingIterator<JsonNode> it = mapper.readerFor(JsonNode.class).readValues(p)) {
      while (it.hasNext()) {
        out.add(it.next());
      }
    }
    return out;
  }

  private void loadReferences(Path dir) {
    for (String endpoint : REFERENCE_FILES) {
      for (JsonNode n : sibling(dir, endpoint)) {
        if (n.path("id").canConvertToLong() && n.path("name").isTextual()) {
          names
              .computeIfAbsent(endpoint, e -> new HashMap<>())
              .put(n.path("id").asLong(), n.path("name").asText());
        }
      }
    }
    for (JsonNode n : sibling(dir, "involved_companies")) {
      if (n.path("id").canConvertToLong()) {
        involved.put(n.path("id").asLong(), n);
      }
    }
  }

  private List<JsonNode> sibling(Path dir, String endpoint) {
    for (String ext : new String[] {".json", ".jsonl"}) {
      Path p = dir.resolve(endpoint + ext);
      if (Files.isRegularFile(p)) {
        try (InputStream in = Files.newInputStream(p)) {
          return nodes(in);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read reference file " + p, e);
        }
      }
    }
    return List.of();
  }

  EnrichedGame toGame(JsonNode n) {
    long id = n.path("id").asLong();
    EnrichedGame.Builder b =
        EnrichedGame.builder(id)
            .name(text(n, "name"))
            .slug(text(n, "slug"))
            .summary(text(n, "summary"))
            .storyline(text(n, "storyline"))
            .genres(refs(n.get("genres"), "genres"))
            .themes(refs(n.get("themes"), "themes"))
            .gameModes(refs(n.get("game_modes"), "game_modes"))
            .playerPerspectives(refs(n.get("player_perspectives"), "player_perspectives"))
            .platforms(refs(n.get("platforms"), "platforms"))
            .keywords(refs(n.get("keywords"), "keywords"))
            .franchises(
                merge(
                    refs(n.get("franchise"), "franchises"),
                    refs(n.get("franchises"), "franchises")))
            .collections(
                merge(
                    refs(n.get("collection"), "collections"),
                    refs(n.get("collections"), "collections")))
            .gameEngines(refs(n.get("game_engines"), "game_engines"))
            .similarGames(ids(n.get("similar_games")))
            .rating(dbl(n, "rating"))
            .ratingCount(integer(n, "rating_count"))
            .aggregatedRating(dbl(n, "aggregated_rating"))
            .aggregatedRatingCount(integer(n, "aggregated_rating_count"))
            .totalRating(dbl(n, "total_rating"))
            .totalRatingCount(integer(n, "total_rating_count"))
            .hypes(integer(n, "hypes"))
            .versionTitle(text(n, "version_title"))
            .parentGameId(id(n.get("parent_game")))
            .versionParentId(id(n.get("version_parent")));
    JsonNode date = n.get("first_release_date");
    if (date != null && date.canConvertToLong()) {
      Instant t = Instant.ofEpochSecond(date.asLong());
      b.firstReleaseDate(t).releaseYear(t.atZone(ZoneOffset.UTC).getYear());
    }
    JsonNode type = n.has("game_type") ? n.get("game_type") : n.get("category");
    Long typeId = id(type);
    String typeName = null;
    if (type != null && type.isObject()) {
      typeName = type.path("type").isTextual() ? type.path("type").asText() : text(type, "name");
    }
    if (typeName == null && typeId != null) {
      typeName = GAME_TYPES.get(typeId);
    }
    b.gameTypeId(typeId).gameType(typeName);
    List<String> devs = new ArrayList<>();
    List<String> pubs = new ArrayList<>();
    JsonNode ic = n.get("involved_companies");
    if (ic != null && ic.isArray()) {
      for (JsonNode c : ic) {
        JsonNode row = c.isObject() ? c : involved.get(c.asLong());
        if (row == null) {
          continue;
        }
        List<String> company = refs(row.get("company"), "companies");
        if (row.path("developer").asBoolean(false)) {
          devs.addAll(company);
        }
        if (row.path("publisher").asBoolean(false)) {
          pubs.addAll(company);
        }
      }
    }
    return b.developers(dedupe(devs)).publishers(dedupe(pubs)).build();
  }

  private List<String> refs(JsonNode v, String endpoint) {
    if (v == null || v.isNull()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    if (v.isArray()) {
      for (JsonNode e : v) {
        String s = ref(e, endpoint);
        if (s != null) {
          out.add(s);
        }
      }
    } else {
      String s = ref(v, endpoint);
      if (s != null) {
        out.add(s);
      }
    }
    return dedupe(out);
  }

  private String ref(JsonNode e, String endpoint) {
    if (e.isObject()) {
      if (e.path("name").isTextual() && !e.path("name").asText().isBlank()) {
        return e.path("name").asText().strip();
      }
      return e.path("id").canConvertToLong() ? byId(e.path("id").asLong(), endpoint) : null;
    }
    if (e.canConvertToLong()) {
      return byId(e.asLong(), endpoint);
    }
    if (e.isTextual() && !e.asText().isBlank()) {
      return e.asText().strip();
    }
    return null;
  }

  private String byId(long id, String endpoint) {
    String name = names.getOrDefault(endpoint, Map.of()).get(id);
    return name != null ? name : "#" + id;
  }

  private static List<Long> ids(JsonNode v) {
    List<Long> out = new ArrayList<>();
    if (v != null && v.isArray()) {
      for (JsonNode e : v) {
        Long id = id(e);
        if (id != null) {
          out.add(id);
        }
      }
    }
    return out;
  }

  private static Long id(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isObject()) {
      return v.path("id").canConvertToLong() ? v.path("id").asLong() : null;
    }
    return v.canConvertToLong() ? v.asLong() : null;
  }

  private static List<String> merge(List<String> a, List<String> b) {
    Set<String> s = new LinkedHashSet<>(a);
    s.addAll(b);
    return List.copyOf(s);
  }

  private static List<String> dedupe(List<String> l) {
    return List.copyOf(new LinkedHashSet<>(l));
  }

  private static String text(JsonNode n, String f) {
    JsonNode v = n.get(f);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  private static Double dbl(JsonNode n, String f) {
    JsonNode v = n.get(f);
    return v != null && v.isNumber() ? v.asDouble() : null;
  }

  private static Integer integer(JsonNode n, String f) {
    JsonNode v = n.get(f);
    return v != null && v.canConvertToInt() ? v.asInt() : null;
  }
}
