package io.gamedata.simulator.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gamedata.contracts.igdb.IgdbCover;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.igdb.IgdbInvolvedCompany;
import io.gamedata.contracts.igdb.IgdbNamed;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.contracts.json.Json;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * IGDB's {@code checksum}: a UUID-shaped hash of the object. Here: the name-based (MD5) UUID of the
 * record's JSON without {@code checksum} and {@code updated_at}, so it changes exactly when content
 * changes.
 */
public final class Checksums {

  private Checksums() {}

  /** The checksum of the content of a record (its own checksum and updated_at ignored). */
  public static String compute(IgdbRecord record) {
    ObjectNode tree = Json.mapper().valueToTree(record);
    tree.remove("checksum");
    tree.remove("updated_at");
    try {
      return of(Json.mapper().writeValueAsBytes(tree));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The checksum of a record built without its checksum and {@code updated_at}: of its JSON as
   * {@link Json#mapper()} writes it.
   */
  static String ofJson(Object recordWithoutChecksumAndUpdatedAt) {
    try {
      return of(Json.mapper().writeValueAsBytes(recordWithoutChecksumAndUpdatedAt));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The checksum of serialized content. */
  public static String of(byte[] content) {
    return UUID.nameUUIDFromBytes(content).toString();
  }

  /** The {@code checksum} field of a record, null when it has none. */
  public static String checksumOf(IgdbRecord r) {
    if (r instanceof IgdbGame g) {
      return g.checksum();
    } else if (r instanceof IgdbNamed n) {
      return n.checksum();
    } else if (r instanceof IgdbCover c) {
      return c.checksum();
    } else if (r instanceof IgdbInvolvedCompany ic) {
      return ic.checksum();
    }
    var v = r.other().get("checksum");
    return v == null ? null : v.asText();
  }
}
