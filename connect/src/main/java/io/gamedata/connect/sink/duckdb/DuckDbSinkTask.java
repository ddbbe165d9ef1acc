package io.gamedata.connect.sink.duckdb;

import io.gamedata.connect.convert.EnrichedGameConverter;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes records to DuckDB in batches (by size or by time), each batch and its offsets in one
 * transaction. Exactly-once effect: on {@link #open} the task seeks to the offsets stored in
 * DuckDB, skips anything below them, and {@link #preCommit} tells the worker to commit only what
 * DuckDB holds. Records that cannot be converted go to the errant-record reporter (the DLQ when
 * {@code errors.tolerance=all}); without one they fail the task.
 */
public class DuckDbSinkTask extends SinkTask {

  private static final Logger LOG = LoggerFactory.getLogger(DuckDbSinkTask.class);

  private DuckDbSinkConfig config;
  private DuckDbWarehouse warehouse;
  private ErrantRecordReporter reporter;
  private final Clock clock = Clock.systemUTC();

  /** Next offset stored in DuckDB, per assigned partition. */
  private final Map<TopicPartition, Long> committed = new HashMap<>();

  /** Next offset including the buffered (uncommitted) batch. */
  private final Map<TopicPartition, Long> pending = new HashMap<>();

  private final List<DuckDbWarehouse.Row> buffer = new ArrayList<>();
  private long firstBufferedAt = -1;
  private long lastSnapshotAt;
  private boolean changedSinceSnapshot;

  @Override
  public String version() {
    return Version.VERSION;
  }

  @Override
  public void start(Map<String, String> props) {
    config = new DuckDbSinkConfig(props);
    try {
      warehouse = new DuckDbWarehouse(config.path());
    } catch (SQLException e) {
      throw new ConnectException(
          "cannot open DuckDB file " + config.path() + ": " + e.getMessage(), e);
    }
    try {
      reporter = context.errantRecordReporter();
    } catch (NoSuchMethodError | NoClassDefFoundError e) {
      reporter = null; // a worker older than Kafka 2.6
    }
    lastSnapshotAt = clock.millis();
    LOG.info("DuckDB sink writing {}", config.path());
  }

  @Override
  public void open(Collection<TopicPartition> partitions) {
    Map<TopicPartition, Long> stored;
    try {
      stored = warehouse.offsets(partitions);
    } catch (SQLException e) {
      throw new ConnectException("cannot read stored offsets: " + e.getMessage(), e);
    }
    committed.putAll(stored);
    pending.putAll(stored);
    if (!stored.isEmpty()) {
      context.offset(stored);
      LOG.info("DuckDB sink resuming from stored offsets {}", stored);
    }
  }

  @Override
  public void put(Collection<SinkRecord> records) {
    for (SinkRecord r : records) {
      TopicPartition tp = new TopicPartition(r.topic(), r.kafkaPartition());
      long next = pending.getOrDefault(tp, -1L);
      if (r.kafkaOffset() < next) {
        continue; // already in DuckDB (delivered again before the seek took effect)
      }
      DuckDbWarehouse.Row row;
      try {
        row = toRow(r);
      } catch (DataException e) {
        report(r, e);
        row = null;
      }
      if (row != null) {
        buffer.add(row);
      }
      pending.put(tp, r.kafkaOffset() + 1);
      if (firstBufferedAt < 0) {
        firstBufferedAt = clock.millis();
      }
      if (buffer.size() >= config.batchSize()) {
        flushBuffer();
      }
    }
    if (firstBufferedAt >= 0
        && clock.millis() - firstBufferedAt >= config.batchMaxWait().toMillis()) {
      flushBuffer();
    }
    maybeSnapshot(false);
  }

  private static DuckDbWarehouse.Row toRow(SinkRecord r) {
    Long id = EnrichedGameConverter.keyId(r.key());
    Struct doc = r.value() == null ? null : EnrichedGameConverter.toStruct(r.value(), id);
    if (doc == null && id == null) {
      throw new DataException("tombstone without a key: cannot tell which game was deleted");
    }
    long gameId = id != null ? id : doc.getInt64("id");
    return new DuckDbWarehouse.Row(
        doc, gameId, r.originalTopic(), r.originalKafkaPartition(), r.originalKafkaOffset());
  }

  private void report(SinkRecord r, DataException e) {
    if (reporter == null) {
      throw e;
    }
    try {
      // wait, so that a DLQ record is never lost behind an offset already stored in DuckDB
      reporter.report(r, e).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new ConnectException("interrupted while reporting a bad record", ie);
    } catch (ExecutionException | TimeoutException ex) {
      throw new ConnectException("cannot report a bad record to the DLQ", ex);
    }
  }

  private void flushBuffer() {
    if (firstBufferedAt < 0) {
      return;
    }
    Map<TopicPartition, Long> next = new HashMap<>();
    pending.forEach(
        (tp, off) -> {
          if (!off.equals(committed.get(tp))) {
            next.put(tp, off);
          }
        });
    long t0 = System.nanoTime();
    try {
      warehouse.write(buffer, next, Instant.now(clock));
    } catch (SQLException e) {
      throw new ConnectException("DuckDB batch failed: " + e.getMessage(), e);
    }
    committed.putAll(next);
    if (!buffer.isEmpty()) {
      changedSinceSnapshot = true;
    }
    LOG.info(
        "DuckDB sink committed {} rows, offsets {} in {} ms",
        buffer.size(),
        next,
        (System.nanoTime() - t0) / 1_000_000);
    buffer.clear();
    firstBufferedAt = -1;
  }

  private void maybeSnapshot(boolean force) {
    if (config.snapshotDir().isEmpty() || !changedSinceSnapshot) {
      return;
    }
    if (!force && clock.millis() - lastSnapshotAt < config.snapshotInterval().toMillis()) {
      return;
    }
    try {
      warehouse.snapshot(config.snapshotDir().get());
    } catch (SQLException | IOException e) {
      LOG.warn("Parquet snapshot to {} failed: {}", config.snapshotDir().get(), e.toString());
      return;
    }
    lastSnapshotAt = clock.millis();
    changedSinceSnapshot = false;
  }

  @Override
  public Map<TopicPartition, OffsetAndMetadata> preCommit(
      Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
    flushBuffer();
    Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
    for (TopicPartition tp : currentOffsets.keySet()) {
      Long off = committed.get(tp);
      if (off != null) {
        out.put(tp, new OffsetAndMetadata(off));
      }
    }
    return out;
  }

  @Override
  public void close(Collection<TopicPartition> partitions) {
    flushBuffer();
    for (TopicPartition tp : partitions) {
      committed.remove(tp);
      pending.remove(tp);
    }
  }

  @Override
  public void stop() {
    if (warehouse == null) {
      return;
    }
    try {
      flushBuffer();
      maybeSnapshot(true);
    } finally {
      try {
        warehouse.close();
      } catch (SQLException e) {
        LOG.warn("closing DuckDB: {}", e.toString());
      }
      warehouse = null;
    }
  }
}
