package io.gamedata.simulator.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.contracts.json.Json;
import io.gamedata.simulator.catalog.Catalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;

/** Runs parsed queries against a {@link Catalog} and renders IGDB's JSON answers. */
public final class QueryEngine {

  /** Which endpoint a reference field of an endpoint points to (for dotted expansion). */
  private static final Map<IgdbEndpoint, Map<String, IgdbEndpoint>> REFERENCES =
      new EnumMap<>(IgdbEndpoint.class);

  static {
    Map<String, IgdbEndpoint> g = new LinkedHashMap<>();
    g.put("cover", IgdbEndpoint.COVERS);
    g.put("game_type", IgdbEndpoint.GAME_TYPES);
    g.put("game_status", IgdbEndpoint.GAME_STATUSES);
    g.put("genres", IgdbEndpoint.GENRES);
    g.put("themes", IgdbEndpoint.THEMES);
    g.put("keywords", IgdbEndpoint.KEYWORDS);
    g.put("game_modes", IgdbEndpoint.GAME_MODES);
    g.put("player_perspectives", IgdbEndpoint.PLAYER_PERSPECTIVES);
    g.put("platforms", IgdbEndpoint.PLATFORMS);
    g.put("involved_companies", IgdbEndpoint.INVOLVED_COMPANIES);
    g.put("franchise", IgdbEndpoint.FRANCHISES);
    g.put("franchises", IgdbEndpoint.FRANCHISES);
    g.put("collection", IgdbEndpoint.COLLECTIONS);
    g.put("collections", IgdbEndpoint.COLLECTIONS);
    g.put("game_engines", IgdbEndpoint.GAME_ENGINES);
    for (String f :
        List.of(
            "parent_game",
            "version_parent",
            "similar_games",
            "dlcs",
            "expansions",
            "bundles",
            "remakes",
            "remasters",
            "ports",
            "standalone_expansions",
            "expanded_games",
            "forks")) {
      g.put(f, IgdbEndpoint.GAMES);
    }
    REFERENCES.put(IgdbEndpoint.GAMES, g);
    REFERENCES.put(
        IgdbEndpoint.INVOLVED_COMPANIES,
        Map.of("company", IgdbEndpoint.COMPANIES, "game", IgdbEndpoint.GAMES));
    REFERENCES.put(IgdbEndpoint.COVERS, Map.of("game", IgdbEndpoint.GAMES));
    REFERENCES.put(
        IgdbEndpoint.COMPANIES,
        Map.of("parent", IgdbEndpoint.COMPANIES, "developed", IgdbEndpoint.GAMES));
  }

  private final Catalog catalog;

  public QueryEngine(Catalog catalog) {
    this.catalog = catalog;
  }

  /** The matching records: filtered, searched, sorted, then offset and limit applied. */
  public List<IgdbRecord> find(IgdbEndpoint endpoint, Query q) {
    if (q.sortField() == null || (q.sortField().equals("id") && q.sortAscending())) {
      return scanInIdOrder(endpoint, q, q.offset() + q.limit(), true);
    }
    List<IgdbRecord> all = scanInIdOrder(endpoint, q, Integer.MAX_VALUE, false);
    Comparator<IgdbRecord> cmp = comparator(q.sortField());
    all.sort(q.sortAscending() ? cmp : cmp.reversed());
    int from = Math.min(q.offset(), all.size());
    int to = Math.min(all.size(), from + q.limit());
    return new ArrayList<>(all.subList(from, to));
  }

  /** The number of matching records (limit and offset ignored, as IGDB's /count). */
  public long count(IgdbEndpoint endpoint, Query q) {
    return scanInIdOrder(endpoint, q, Integer.MAX_VALUE, false).size();
  }

  private List<IgdbRecord> scanInIdOrder(
      IgdbEndpoint endpoint, Query q, int stopAt, boolean slice) {
    NavigableMap<Long, IgdbRecord> table = catalog.view(endpoint);
    long lower = q.where().idLowerBound();
    long upper = q.where().idUpperBound();
    if (lower >= upper) {
      return new ArrayList<>();
    }
    NavigableMap<Long, IgdbRecord> range =
        lower == Long.MIN_VALUE && upper == Long.MAX_VALUE
            ? table
            : table.subMap(lower, false, upper, true);
    String[] terms = searchTerms(q.search());
    List<IgdbRecord> out = new ArrayList<>(Math.min(stopAt, 1024));
    int skipped = 0;
    for (IgdbRecord r : range.values()) {
      if (!q.where().test(r) || (terms != null && !searchMatches(r, terms))) {
        continue;
      }
      if (slice && skipped < q.offset()) {
        skipped++;
        continue;
      }
      out.add(r);
      if (out.size() >= (slice ? q.limit() : stopAt)) {
        break;
      }
    }
    return out;
  }

  private static String[] searchTerms(String search) {
    if (search == null || search.isBlank()) {
      return null;
    }
    return search.toLowerCase(Locale.ROOT).trim().split("\\s+");
  }

  private static boolean searchMatches(IgdbRecord r, String[] terms) {
    Object name = FieldAccess.get(r, "name");
    if (!(name instanceof String s)) {
      return false;
    }
    String lower = s.toLowerCase(Locale.ROOT);
    for (String t : terms) {
      if (!lower.contains(t)) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Comparator<IgdbRecord> comparator(String field) {
    return (a, b) -> {
      Object x = sortKey(FieldAccess.get(a, field));
      Object y = sortKey(FieldAccess.get(b, field));
      if (x == null || y == null) {
        return x == null ? (y == null ? Long.compare(a.id(), b.id()) : 1) : -1;
      }
      int c;
      if (x instanceof Number nx && y instanceof Number ny) {
        c = Double.compare(nx.doubleValue(), ny.doubleValue());
      } else if (x.getClass() == y.getClass() && x instanceof Comparable cx) {
        c = cx.compareTo(y);
      } else {
        c = x.toString().compareTo(y.toString());
      }
      return c != 0 ? c : Long.compare(a.id(), b.id());
    };
  }

  private static Object sortKey(Object v) {
    if (v instanceof List<?> l) {
      return l.isEmpty() ? null : l.get(0);
    }
    return v;
  }

  // ------------------------------------------------------------------ rendering

  /** The answer body of a query: a JSON array. */
  public byte[] render(IgdbEndpoint endpoint, Query q, List<IgdbRecord> rows) {
    try {
      if (q.allFieldsUnexpanded()) {
        return Json.mapper().writeValueAsBytes(rows);
      }
      return Json.mapper().writeValueAsBytes(renderTree(endpoint, q, rows));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The answer as a tree (multiquery embeds it). */
  public ArrayNode renderTree(IgdbEndpoint endpoint, Query q, List<IgdbRecord> rows) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode(rows.size());
    for (IgdbRecord r : rows) {
      out.add(
          q.allFieldsUnexpanded()
              ? Json.mapper().valueToTree(r)
              : select(endpoint, r, q.fields(), q.exclude(), 0));
    }
    return out;
  }

  private ObjectNode select(
      IgdbEndpoint endpoint,
      IgdbRecord r,
      List<String> fields,
      java.util.Set<String> exclude,
      int depth) {
    ObjectNode full = Json.mapper().valueToTree(r);
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("id", r.id());
    Map<String, List<String>> expansions = new LinkedHashMap<>();
    for (String f : fields) {
      int dot = f.indexOf('.');
      if (f.equals("*")) {
        out.setAll(full);
      } else if (dot < 0) {
        JsonNode v = full.get(f);
        if (v != null) {
          out.set(f, v);
        }
      } else {
        expansions
            .computeIfAbsent(f.substring(0, dot), k -> new ArrayList<>())
            .add(f.substring(dot + 1));
      }
    }
    Map<String, IgdbEndpoint> refs = REFERENCES.getOrDefault(endpoint, Map.of());
    for (Map.Entry<String, List<String>> e : expansions.entrySet()) {
      JsonNode v = full.get(e.getKey());
      if (v == null) {
        continue;
      }
      IgdbEndpoint target = refs.get(e.getKey());
      if (target == null || depth > 4) {
        throw QueryException.syntax("'" + e.getKey() + "' cannot be expanded");
      }
      if (v.isArray()) {
        ArrayNode arr = JsonNodeFactory.instance.arrayNode(v.size());
        for (JsonNode id : v) {
          arr.add(expand(target, id, e.getValue(), depth));
        }
        out.set(e.getKey(), arr);
      } else {
        out.set(e.getKey(), expand(target, v, e.getValue(), depth));
      }
    }
    for (String x : exclude) {
      if (!x.equals("id")) {
        out.remove(x);
      }
    }
    return out;
  }

  private JsonNode expand(IgdbEndpoint target, JsonNode id, List<String> fields, int depth) {
    if (!id.canConvertToLong()) {
      return id;
    }
    return catalog
        .get(target, id.asLong())
        .<JsonNode>map(r -> select(target, r, fields, java.util.Set.of(), depth + 1))
        .orElse(id);
  }
}
