package io.gamedata.contracts.igdb;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A row of {@code /v4/involved_companies}: one company's role in one game. */
public record IgdbInvolvedCompany(
    @JsonProperty(value = "id", required = true) long id,
    @JsonProperty("company") Long company,
    @JsonProperty("game") Long game,
    @JsonProperty("developer") Boolean developer,
    @JsonProperty("publisher") Boolean publisher,
    @JsonProperty("porting") Boolean porting,
    @JsonProperty("supporting") Boolean supporting,
    @JsonProperty("checksum") String checksum,
    @JsonProperty("created_at") Long createdAt,
    @JsonProperty("updated_at") Long updatedAt,
    @JsonIgnore Map<String, JsonNode> other)
    implements IgdbRecord {

  public IgdbInvolvedCompany {
    other = other == null ? new LinkedHashMap<>() : other;
  }

  @JsonIgnore
  public boolean isDeveloper() {
    return Boolean.TRUE.equals(developer);
  }

  @JsonIgnore
  public boolean isPublisher() {
    return Boolean.TRUE.equals(publisher);
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
