package io.gamedata.producer.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.json.Json;
import io.gamedata.producer.publish.RawCopyWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The data-quality report of a raw copy, per endpoint and field: fill rate, JSON types seen,
 * numeric ranges, string and array lengths, deprecated fields still present, fields the model does
 * not know, and the distribution of record sizes. Written as Markdown (to read, to plan the
 * BigQuery schema) and JSON (to compare runs).
 */
public final class QualityReport {

  /** Statistics of one field of one endpoint. */
  public static final class FieldStats {
    public long present;
    public long nulls;
    public final Set<String> types = new TreeSet<>();
    public Double min;
    public Double max;
    public Integer minLength;
    public Integer maxLength;
    public boolean deprecated;
    public boolean unknown;

    @JsonProperty("fill_rate")
    public double fillRate;

    void add(JsonNode v) {
      present++;
      String type = type(v);
      types.add(type);
      if (v.isNull()) {
        nulls++;
      } else if (v.isNumber()) {
        double d = v.asDouble();
        min = min == null ? d : Math.min(min, d);
        max = max == null ? d : Math.max(max, d);
      } else if (v.isTextual() || v.isArray()) {
        int len = v.isTextual() ? v.asText().length() : v.size();
        minLength = minLength == null ? len : Math.min(minLength, len);
        maxLength = maxLength == null ? len : Math.max(maxLength, len);
      }
    }
  }

  /** Statistics of one endpoint. */
  public static final class EndpointStats {
    public long records;

    @JsonProperty("distinct_ids")
    public long distinctIds;

    @JsonProperty("duplicate_records")
    public long duplicates;

    @JsonProperty("unparseable_lines")
    public long unparseable;

    public boolean truncated;

    @JsonProperty("size_bytes")
    public Map<String, Long> sizes = new LinkedHashMap<>();

    @JsonProperty("deprecated_fields_present")
    public Map<String, Long> deprecatedPresent = new TreeMap<>();

    @JsonProperty("unknown_fields")
    public List<String> unknownFields = new ArrayList<>();

    public Map<String, FieldStats> fields = new TreeMap<>();
  }

  public final Map<String, EndpointStats> endpoints = new LinkedHashMap<>();

  /** Analyses every {@code <endpoint>.ndjson.gz} found in {@code dir}. */
  public static QualityReport analyse(Path dir) throws IOException {
    QualityReport report = new QualityReport();
    ObjectMapper mapper = Json.mapper();
    for (IgdbEndpoint e : IgdbEndpoint.values()) {
      Path file = RawCopyWriter.fileOf(dir, e);
      if (!Files.exists(file)) {
        continue;
      }
      EndpointStats s = new EndpointStats();
      Set<String> known = knownFields(e);
      List<Integer> sizes = new ArrayList<>();
      BitSet ids = new BitSet();
      s.truncated =
          RawCopyReader.forEachLine(
              file,
              line -> {
                JsonNode n;
                try {
                  n = mapper.readTree(line);
                } catch (IOException ex) {
                  s.unparseable++;
                  return;
                }
                if (n == null || !n.isObject()) {
                  s.unparseable++;
                  return;
                }
                long id = n.path("id").asLong(-1);
                if (id >= 0 && id <= Integer.MAX_VALUE) {
                  if (ids.get((int) id)) {
                    s.duplicates++;
                    return; // a resumed run may have written a page twice
                  }
                  ids.set((int) id);
                }
                s.records++;
                sizes.add(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                  var f = it.next();
                  s.fields.computeIfAbsent(f.getKey(), k -> new FieldStats()).add(f.getValue());
                }
              });
      s.distinctIds = ids.cardinality();
      for (var f : s.fields.entrySet()) {
        FieldStats fs = f.getValue();
        fs.fillRate = s.records == 0 ? 0 : (double) (fs.present - fs.nulls) / s.records;
        fs.unknown = !known.isEmpty() && !known.contains(f.getKey());
        fs.deprecated = e == IgdbEndpoint.GAMES && IgdbGame.DEPRECATED_FIELDS.contains(f.getKey());
        if (fs.deprecated) {
          s.deprecatedPresent.put(f.getKey(), fs.present - fs.nulls);
        }
        if (fs.unknown) {
          s.unknownFields.add(f.getKey());
        }
      }
      int[] sorted = sizes.stream().mapToInt(Integer::intValue).sorted().toArray();
      if (sorted.length > 0) {
        s.sizes.put("min", (long) sorted[0]);
        s.sizes.put("p50", (long) sorted[(int) (0.50 * (sorted.length - 1))]);
        s.sizes.put("p90", (long) sorted[(int) (0.90 * (sorted.length - 1))]);
        s.sizes.put("p99", (long) sorted[(int) (0.99 * (sorted.length - 1))]);
        s.sizes.put("max", (long) sorted[sorted.length - 1]);
        s.sizes.put("mean", (long) Arrays.stream(sorted).average().orElse(0));
      }
      report.endpoints.put(e.path(), s);
    }
    return report;
  }

  /** Field names the contract model of the endpoint names (its JSON properties). */
  static Set<String> knownFields(IgdbEndpoint e) {
    Set<String> names = new TreeSet<>();
    for (var c : e.model().getRecordComponents()) {
      JsonProperty p = c.getAnnotation(JsonProperty.class);
      if (p == null) {
        try {
          p = e.model().getDeclaredField(c.getName()).getAnnotation(JsonProperty.class);
        } catch (NoSuchFieldException ex) {
          p = null;
        }
      }
      if (p != null && !p.value().isEmpty()) {
        names.add(p.value());
      }
    }
    if (e.model().getSimpleName().equals("IgdbNamed")) {
      names.addAll(List.of("type", "status")); // documented as kept in other()
    }
    return names;
  }

  private static String type(JsonNode v) {
    if (v.isNull()) {
      return "null";
    }
    if (v.isIntegralNumber()) {
      return "integer";
    }
    if (v.isNumber()) {
      return "number";
    }
    if (v.isTextual()) {
      return "string";
    }
    if (v.isBoolean()) {
      return "boolean";
    }
    if (v.isArray()) {
      return v.isEmpty() ? "array" : "array<" + type(v.get(0)) + ">";
    }
    return "object";
  }

  public String toJson() throws IOException {
    return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this);
  }

  public String toMarkdown() {
    StringBuilder sb = new StringBuilder("# IGDB raw data quality\n\n");
    sb.append(
        "| endpoint | records | duplicates | truncated | size p50 / p99 / max (bytes) |"
            + " deprecated fields present | unknown fields |\n|---|---|---|---|---|---|---|\n");
    endpoints.forEach(
        (name, s) ->
            sb.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %,d | %,d | %s | %s / %s / %s | %s | %s |%n",
                    name,
                    s.records,
                    s.duplicates,
                    s.truncated ? "yes" : "no",
                    s.sizes.get("p50"),
                    s.sizes.get("p99"),
                    s.sizes.get("max"),
                    s.deprecatedPresent.isEmpty() ? "-" : s.deprecatedPresent,
                    s.unknownFields.isEmpty() ? "-" : String.join(", ", s.unknownFields))));
    endpoints.forEach(
        (name, s) -> {
          sb.append("\n## ").append(name).append("\n\n");
          sb.append("| field | fill rate | types | min | max | length min-max | note |\n");
          sb.append("|---|---|---|---|---|---|---|\n");
          s.fields.forEach(
              (f, fs) ->
                  sb.append(
                      String.format(
                          Locale.ROOT,
                          "| %s | %.1f%% | %s | %s | %s | %s | %s |%n",
                          f,
                          100 * fs.fillRate,
                          String.join(" ", fs.types),
                          fs.min == null ? "" : num(fs.min),
                          fs.max == null ? "" : num(fs.max),
                          fs.minLength == null ? "" : fs.minLength + "-" + fs.maxLength,
                          fs.deprecated
                              ? "deprecated"
                              : fs.unknown ? "unknown to the model" : "")));
        });
    return sb.toString();
  }

  private static String num(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15
        ? Long.toString((long) d)
        : String.format(Locale.ROOT, "%.3f", d);
  }

  /** Writes {@code quality-report.md} and {@code quality-report.json} into {@code out}. */
  public void write(Path out) throws IOException {
    Files.createDirectories(out);
    Files.writeString(out.resolve("quality-report.md"), toMarkdown());
    Files.writeString(out.resolve("quality-report.json"), toJson());
  }
}
