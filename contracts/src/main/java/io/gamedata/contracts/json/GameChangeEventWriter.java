package io.gamedata.contracts.json;

import static io.gamedata.contracts.json.JsonBytes.name;

import io.gamedata.contracts.change.GameChangeEvent;
import io.gamedata.contracts.change.GameChangeEvent.Operation;
import java.util.List;

/**
 * A streaming writer of {@link GameChangeEvent}: the same bytes as {@code
 * Json.mapper().writeValueAsBytes(event)} (component order, snake_case, nulls left out), written
 * straight into bytes by {@link JsonBytes}; changed field names that are names of the enriched
 * document are copied pre-encoded.
 */
public final class GameChangeEventWriter {

  private static final byte[] EVENT_ID = name("event_id");
  private static final byte[] GAME_ID = name("game_id");
  private static final byte[] OP = name("op");
  private static final byte[] CHANGED_FIELDS = name("changed_fields");
  private static final byte[] UPDATED_AT = name("updated_at");
  private static final byte[] CONTENT_HASH = name("content_hash");
  private static final byte[] PREVIOUS_CONTENT_HASH = name("previous_content_hash");
  private static final byte[] OPEN = {'['};
  private static final byte[] CLOSE = {']'};
  private static final byte[] COMMA = {','};
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};

  /** The operations as string values, by ordinal. */
  private static final byte[][] OPS = new byte[Operation.values().length][];

  static {
    for (Operation op : Operation.values()) {
      OPS[op.ordinal()] = JsonBytes.quoted(op.name());
    }
  }

  private GameChangeEventWriter() {}

  /** The event as UTF-8 JSON. */
  public static byte[] write(GameChangeEvent e) {
    JsonBytes g = JsonBytes.start();
    g.string(EVENT_ID, e.eventId());
    g.name(GAME_ID);
    g.number(e.gameId());
    if (e.op() != null) {
      g.name(OP);
      g.raw(OPS[e.op().ordinal()]);
    }
    List<String> changed = e.changedFields();
    if (changed != null) {
      g.name(CHANGED_FIELDS);
      g.raw(OPEN);
      for (int i = 0, n = changed.size(); i < n; i++) {
        if (i > 0) {
          g.raw(COMMA);
        }
        String field = changed.get(i);
        // the document's own names (the literals the field lists hold) are written pre-quoted;
        // any other string, equal or not, is written as a string, to the same bytes
        byte[] known = EnrichedGameWriter.QUOTED_NAMES.get(field);
        if (known != null) {
          g.raw(known);
        } else if (field == null) {
          g.raw(NULL);
        } else {
          g.string(field);
        }
      }
      g.raw(CLOSE);
    }
    g.instant(UPDATED_AT, e.updatedAt());
    g.string(CONTENT_HASH, e.contentHash());
    g.string(PREVIOUS_CONTENT_HASH, e.previousContentHash());
    return g.finish();
  }
}
