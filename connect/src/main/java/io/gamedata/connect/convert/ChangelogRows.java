package io.gamedata.connect.convert;

import io.gamedata.connect.schema.Column;
import io.gamedata.connect.schema.GameColumns;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.apache.kafka.connect.data.Struct;

/** Builds {@link GameSchemas#CHANGELOG} rows: a document version, or a DELETE carrying the id. */
public final class ChangelogRows {

  private ChangelogRows() {}

  /**
   * @param document the {@link GameSchemas#VALUE} Struct, or null for a tombstone
   * @param id the game id (from the key)
   */
  public static Struct of(
      Struct document, long id, String topic, int partition, long offset, Instant ingestionTime) {
    Struct row = new Struct(GameSchemas.CHANGELOG);
    for (Column c : GameColumns.DOCUMENT) {
      Object v = document == null ? null : document.get(c.name());
      if (c.name().equals(GameColumns.ID)) {
        v = id;
      }
      if (v == null && c.mode() == Column.Mode.REPEATED) {
        v = List.of();
      }
      row.put(c.name(), v);
    }
    row.put(GameColumns.OPERATION, document == null ? GameColumns.DELETE : GameColumns.UPSERT);
    row.put(GameColumns.KAFKA_TOPIC, topic);
    row.put(GameColumns.KAFKA_PARTITION, (long) partition);
    row.put(GameColumns.KAFKA_OFFSET, offset);
    row.put(GameColumns.INGESTION_TIME, Date.from(ingestionTime));
    return row;
  }
}
