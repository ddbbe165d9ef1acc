package io.gamedata.contracts.igdb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A record of an IGDB endpoint as fetched with {@code fields *}. Implementations model the fields
 * the platform uses and keep every other field, unknown ones included, in {@link #other()} so that
 * a record round-trips without loss even when IGDB adds fields.
 */
public interface IgdbRecord {

  /** IGDB id, unique per endpoint. */
  long id();

  /** Unix seconds of the last change IGDB made to the row, null when the field was not fetched. */
  Long updatedAt();

  /** Fields the model does not name, as fetched. Never null. */
  Map<String, JsonNode> other();
}
