package io.gamedata.streams.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gamedata.contracts.igdb.IgdbCover;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbInvolvedCompany;
import io.gamedata.contracts.igdb.IgdbNamed;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.contracts.json.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a reference record as far as the router uses it (id; display name; cover image id and game;
 * involved company, roles and game) straight from the JSON tokens, without building what it does
 * not use (databind keeps every other field as a JSON tree). Only for shapes whose databind outcome
 * is certain: an object at the root, the id a plain integer, every known field of the model in its
 * plain JSON type or null, no known field (nor {@code type} or {@code status}) twice. For anything
 * else {@link #read} returns null and the router reads the record with databind, so that results
 * and errors stay databind's.
 */
public final class ReferenceReader {

  /** Larger records go to databind (which also enforces the parser's string length limits). */
  static final int MAX_BYTES = 1 << 20;

  private static final int ID = 0;
  private static final int STRING = 1;
  private static final int LONG = 2;
  private static final int INT = 3;
  private static final int BOOLEAN = 4;
  private static final int OTHER = 5;

  // slots of the values the router uses
  private static final int NAME = 1;
  private static final int IMAGE_ID = 2;
  private static final int GAME = 3;
  private static final int COMPANY = 4;
  private static final int DEVELOPER = 5;
  private static final int PUBLISHER = 6;
  private static final int TYPE = 7;
  private static final int STATUS = 8;

  private ReferenceReader() {}

  /**
   * The record with the fields the router uses (the others left empty), or null when databind must
   * read it.
   */
  public static IgdbRecord read(IgdbEndpoint endpoint, byte[] json) {
    if (json == null || json.length > MAX_BYTES) {
      return null;
    }
    Class<?> model = endpoint.model();
    try (JsonParser p = Json.mapper().createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      long id = 0;
      boolean hasId = false;
      long seen = 0; // known fields read so far (a second one goes to databind)
      String name = null;
      String imageId = null;
      Long game = null;
      Long company = null;
      Boolean developer = null;
      Boolean publisher = null;
      JsonNode type = null;
      JsonNode status = null;
      JsonToken t;
      while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
        if (t != JsonToken.FIELD_NAME) {
          return null;
        }
        String field = p.currentName();
        JsonToken v = p.nextToken();
        int spec = spec(model, field);
        int kind = spec & 0xff;
        int slot = spec >>> 8;
        if (kind != OTHER || spec >>> 16 != 0) {
          long bit = 1L << (spec >>> 16);
          if ((seen & bit) != 0) {
            return null;
          }
          seen |= bit;
        }
        switch (kind) {
          case ID -> {
            if (!plainLong(p, v)) {
              return null;
            }
            id = p.getLongValue();
            hasId = true;
          }
          case STRING -> {
            if (v != JsonToken.VALUE_STRING && v != JsonToken.VALUE_NULL) {
              return null;
            }
            String s = v == JsonToken.VALUE_NULL ? null : p.getText();
            if ((slot & 0xff) == NAME) {
              name = s;
            } else if ((slot & 0xff) == IMAGE_ID) {
              imageId = s;
            }
          }
          case LONG -> {
            Long l;
            if (v == JsonToken.VALUE_NULL) {
              l = null;
            } else if (plainLong(p, v)) {
              l = p.getLongValue();
            } else {
              return null;
            }
            if ((slot & 0xff) == GAME) {
              game = l;
            } else if ((slot & 0xff) == COMPANY) {
              company = l;
            }
          }
          case INT -> {
            if (v != JsonToken.VALUE_NULL
                && (v != JsonToken.VALUE_NUMBER_INT
                    || p.getNumberType() != JsonParser.NumberType.INT)) {
              return null;
            }
          }
          case BOOLEAN -> {
            Boolean b;
            if (v == JsonToken.VALUE_TRUE) {
              b = Boolean.TRUE;
            } else if (v == JsonToken.VALUE_FALSE) {
              b = Boolean.FALSE;
            } else if (v == JsonToken.VALUE_NULL) {
              b = null;
            } else {
              return null;
            }
            if ((slot & 0xff) == DEVELOPER) {
              developer = b;
            } else if ((slot & 0xff) == PUBLISHER) {
              publisher = b;
            }
          }
          default -> {
            // kept by databind as a JSON tree; the router only asks whether type or status is
            // text
            if ((slot & 0xff) == TYPE) {
              type = v == JsonToken.VALUE_STRING ? TextNode.valueOf(p.getText()) : null;
            } else if ((slot & 0xff) == STATUS) {
              status = v == JsonToken.VALUE_STRING ? TextNode.valueOf(p.getText()) : null;
            }
            if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
              p.skipChildren();
            }
          }
        }
      }
      if (!hasId) {
        return null;
      }
      if (model == IgdbCover.class) {
        return new IgdbCover(id, game, imageId, null, null, null, null, null, null);
      }
      if (model == IgdbInvolvedCompany.class) {
        return new IgdbInvolvedCompany(
            id, company, game, developer, publisher, null, null, null, null, null, null);
      }
      Map<String, JsonNode> other = new LinkedHashMap<>();
      if (type != null) {
        other.put("type", type);
      }
      if (status != null) {
        other.put("status", status);
      }
      return new IgdbNamed(id, name, null, null, null, null, other);
    } catch (IOException | RuntimeException e) {
      return null; // databind reads it, and reports what is wrong
    }
  }

  /** An integer token within the long range. */
  private static boolean plainLong(JsonParser p, JsonToken v) throws IOException {
    if (v != JsonToken.VALUE_NUMBER_INT) {
      return false;
    }
    JsonParser.NumberType n = p.getNumberType();
    return n == JsonParser.NumberType.INT || n == JsonParser.NumberType.LONG;
  }

  /** kind | slot << 8 | field index << 16 (the index tells duplicates apart). */
  private static int spec(Class<?> model, String field) {
    if (model == IgdbNamed.class) {
      return switch (field) {
        case "id" -> ID;
        case "name" -> STRING | NAME << 8 | 1 << 16;
        case "slug" -> STRING | 2 << 16;
        case "checksum" -> STRING | 3 << 16;
        case "created_at" -> LONG | 4 << 16;
        case "updated_at" -> LONG | 5 << 16;
        // kept with the other fields, but databind keeps the first of two
        case "type" -> OTHER | TYPE << 8 | 6 << 16;
        case "status" -> OTHER | STATUS << 8 | 7 << 16;
        default -> OTHER;
      };
    }
    if (model == IgdbCover.class) {
      return switch (field) {
        case "id" -> ID;
        case "game" -> LONG | GAME << 8 | 1 << 16;
        case "image_id" -> STRING | IMAGE_ID << 8 | 2 << 16;
        case "width" -> INT | 3 << 16;
        case "height" -> INT | 4 << 16;
        case "url" -> STRING | 5 << 16;
        case "checksum" -> STRING | 6 << 16;
        case "updated_at" -> LONG | 7 << 16;
        default -> OTHER;
      };
    }
    if (model == IgdbInvolvedCompany.class) {
      return switch (field) {
        case "id" -> ID;
        case "company" -> LONG | COMPANY << 8 | 1 << 16;
        case "game" -> LONG | GAME << 8 | 2 << 16;
        case "developer" -> BOOLEAN | DEVELOPER << 8 | 3 << 16;
        case "publisher" -> BOOLEAN | PUBLISHER << 8 | 4 << 16;
        case "porting" -> BOOLEAN | 5 << 16;
        case "supporting" -> BOOLEAN | 6 << 16;
        case "checksum" -> STRING | 7 << 16;
        case "created_at" -> LONG | 8 << 16;
        case "updated_at" -> LONG | 9 << 16;
        default -> OTHER;
      };
    }
    throw new IllegalArgumentException("not a reference model: " + model);
  }
}
