package io.gamedata.contracts.igdb;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A reference record with a display name: genres, themes, game modes, player perspectives,
 * platforms, keywords, companies, franchises, collections, game engines ({@code name}), game types
 * ({@code type}) and game statuses ({@code status}). Every other field, {@code type} and {@code
 * status} included (their JSON type differs between endpoints), is kept in {@link #other()}.
 */
public record IgdbNamed(
    @JsonProperty(value = "id", required = true) long id,
    @JsonProperty("name") String name,
    @JsonProperty("slug") String slug,
    @JsonProperty("checksum") String checksum,
    @JsonProperty("created_at") Long createdAt,
    @JsonProperty("updated_at") Long updatedAt,
    @JsonIgnore Map<String, JsonNode> other)
    implements IgdbRecord {

  public IgdbNamed {
    other = other == null ? new LinkedHashMap<>() : other;
  }

  /** A reference with only an id and a name. */
  public static IgdbNamed of(long id, String name) {
    return new IgdbNamed(id, name, null, null, null, null, null);
  }

  /**
   * The name to show: {@code name}, else the textual {@code type} (game_types) or {@code status}
   * (game_statuses). Companies also carry a {@code status}, but as a number: it is not a name.
   */
  @JsonIgnore
  public String displayName() {
    if (name != null) {
      return name;
    }
    for (String field : new String[] {"type", "status"}) {
      JsonNode v = other.get(field);
      if (v != null && v.isTextual()) {
        return v.asText();
      }
    }
    return null;
  }

  @JsonAnySetter
  void putOther(String field, JsonNode value) {
    other.put(field, value);
  }

  @JsonAnyGetter
  @Override
  public Map<String, JsonNode> other() {
    return other;
  }
}
