package io.gamedata.contracts.igdb;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A row of {@code /v4/covers}. */
public record IgdbCover(
    @JsonProperty(value = "id", required = true) long id,
    @JsonProperty("game") Long game,
    @JsonProperty("image_id") String imageId,
    @JsonProperty("width") Integer width,
    @JsonProperty("height") Integer height,
    @JsonProperty("url") String url,
    @JsonProperty("checksum") String checksum,
    @JsonProperty("updated_at") Long updatedAt,
    @JsonIgnore Map<String, JsonNode> other)
    implements IgdbRecord {

  /** IGDB's image host; {@code t_cover_big} is 264x374. */
  public static final String IMAGE_URL_PREFIX =
      "https://images.igdb.com/igdb/image/upload/t_cover_big/";

  public IgdbCover {
    other = other == null ? new LinkedHashMap<>() : other;
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
