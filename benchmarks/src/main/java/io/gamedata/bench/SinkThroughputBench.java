package io.gamedata.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gamedata.connect.convert.EnrichedGameConverter;
import io.gamedata.connect.query.WarehouseQuery;
import io.gamedata.connect.schema.Column;
import io.gamedata.connect.schema.GameColumns;
import io.gamedata.connect.schema.WarehouseDdl;
import io.gamedata.connect.sink.duckdb.DuckDbSinkConnector;
import io.gamedata.connect.transform.EnrichedGameToStruct;
import io.gamedata.contracts.json.Json;
import io.gamedata.contracts.topic.Topic;
import io.gamedata.contracts.topic.Topics;
import io.gamedata.kafka.local.EmbeddedConnectWorker;
import io.gamedata.kafka.local.EmbeddedKafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.connect.data.Struct;
import org.duckdb.DuckDBDriver;

/**
 * {@code bench/run sink-throughput [--games N] [--batch-size B]}: loads N enriched documents into
 * {@code games.enriched} on an embedded broker, runs the DuckDB sink in an in-JVM Connect worker
 * until DuckDB has stored every offset (then checks {@code games} holds N rows), and, as the
 * baseline, inserts the same rows into a fresh DuckDB file with plain JDBC prepared-statement
 * batches. Prints {@code BENCH sink-throughput games=.. seconds=.. rows_per_s=.. jdbc_rows_per_s=..
 * ratio=..}.
 */
public final class SinkThroughputBench {

  private static final String CONNECTOR = "duckdb-bench";

  private SinkThroughputBench() {}

  public static void main(String[] args) throws Exception {
    int games = 350_000;
    int batchSize = 50_000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--games" -> games = Integer.parseInt(args[++i]);
        case "--batch-size" -> batchSize = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Path work = Files.createTempDirectory("sink-throughput-");
    try {
      run(games, batchSize, work);
    } finally {
      deleteRecursively(work);
    }
  }

  private static void deleteRecursively(Path dir) throws java.io.IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void run(int games, int batchSize, Path work) throws Exception {
    ObjectMapper mapper = Json.mapper();
    List<byte[]> docs = new ArrayList<>(games);
    for (long id = 1; id <= games; id++) {
      docs.add(mapper.writeValueAsBytes(EnrichedGameGenerator.game(id, 42)));
    }
    System.err.printf("bench: generated %d documents%n", games);

    double sinkSeconds;
    try (EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.builder().dataDir(work.resolve("kafka")).build().start()) {
      Topic<Long, ?> topic = Topics.GAMES_ENRICHED.withReplicationFactor((short) 1);
      Properties ap = new Properties();
      ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
      try (Admin admin = Admin.create(ap)) {
        admin.createTopics(List.of(topic.toNewTopic())).all().get(60, TimeUnit.SECONDS);
        produce(broker.bootstrapServers(), topic.name(), docs);
        Map<TopicPartition, Long> end = endOffsets(admin, topic);
        System.err.printf("bench: produced %d documents to %s%n", games, topic.name());

        Path db = work.resolve("sink.duckdb");
        try (EmbeddedConnectWorker worker =
            EmbeddedConnectWorker.builder(broker.bootstrapServers())
                .config("offset.flush.interval.ms", "200")
                .config("connector.client.config.override.policy", "All")
                .build()
                .start()) {
          Map<String, String> c = new LinkedHashMap<>();
          c.put("connector.class", DuckDbSinkConnector.class.getName());
          c.put("tasks.max", "1");
          c.put("topics", topic.name());
          c.put("duckdb.path", db.toString());
          c.put("batch.size", Integer.toString(batchSize));
          c.put("batch.max.wait.ms", "1000");
          c.put("key.converter", "org.apache.kafka.connect.converters.LongConverter");
          c.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
          c.put("transforms", "enriched");
          c.put("transforms.enriched.type", EnrichedGameToStruct.class.getName());
          c.put("consumer.override.max.poll.records", "5000");
          c.put("consumer.override.fetch.max.bytes", "67108864");
          c.put("consumer.override.max.partition.fetch.bytes", "16777216");
          long t0 = System.nanoTime();
          worker.put("/connectors/" + CONNECTOR + "/config", mapper.writeValueAsString(c));
          long deadline = t0 + TimeUnit.MINUTES.toNanos(30);
          while (!committed(admin).entrySet().containsAll(end.entrySet())) {
            if (System.nanoTime() > deadline) {
              throw new IllegalStateException("sink did not catch up in 30 minutes");
            }
            Thread.sleep(50); // polling the committed offsets: this is the measurement loop
          }
          sinkSeconds = (System.nanoTime() - t0) / 1e9;
        }
        try (WarehouseQuery q = WarehouseQuery.readOnly(db)) {
          long rows = (Long) q.query("SELECT count(*) FROM games").get(0).get(0);
          if (rows != games) {
            throw new IllegalStateException("games holds " + rows + " rows, expected " + games);
          }
        }
      }
    }
    System.err.printf("bench: sink loaded %d games in %.2f s%n", games, sinkSeconds);

    double jdbcSeconds = jdbcBaseline(docs, work.resolve("jdbc.duckdb"), batchSize);
    System.err.printf("bench: JDBC batches inserted %d games in %.2f s%n", games, jdbcSeconds);

    double rowsPerS = games / sinkSeconds;
    double jdbcRowsPerS = games / jdbcSeconds;
    System.out.printf(
        Locale.ROOT,
        "BENCH sink-throughput games=%d seconds=%.2f rows_per_s=%.0f jdbc_rows_per_s=%.0f ratio=%.2f%n",
        games,
        sinkSeconds,
        rowsPerS,
        jdbcRowsPerS,
        rowsPerS / jdbcRowsPerS);
  }

  private static void produce(String bootstrap, String topic, List<byte[]> docs) throws Exception {
    Map<String, Object> p = new HashMap<>();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    try (KafkaProducer<Long, byte[]> producer =
        new KafkaProducer<>(p, new LongSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < docs.size(); i++) {
        producer.send(new ProducerRecord<>(topic, (long) (i + 1), docs.get(i)));
      }
      producer.flush();
    }
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin, Topic<?, ?> topic)
      throws Exception {
    Map<TopicPartition, OffsetSpec> req = new HashMap<>();
    for (int p = 0; p < topic.partitions(); p++) {
      req.put(new TopicPartition(topic.name(), p), OffsetSpec.latest());
    }
    Map<TopicPartition, Long> out = new HashMap<>();
    admin
        .listOffsets(req)
        .all()
        .get(60, TimeUnit.SECONDS)
        .forEach((tp, i) -> out.put(tp, i.offset()));
    out.values().removeIf(v -> v == 0L);
    return out;
  }

  private static Map<TopicPartition, Long> committed(Admin admin) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> m =
        admin
            .listConsumerGroupOffsets("connect-" + CONNECTOR)
            .partitionsToOffsetAndMetadata()
            .get(60, TimeUnit.SECONDS);
    Map<TopicPartition, Long> out = new HashMap<>();
    m.forEach(
        (tp, om) -> {
          if (om != null) {
            out.put(tp, om.offset());
          }
        });
    return out;
  }

  /** Plain JDBC: one prepared INSERT per row, executeBatch + commit every {@code batchSize}. */
  private static double jdbcBaseline(List<byte[]> docs, Path file, int batchSize) throws Exception {
    List<Column> cols = GameColumns.games();
    String sql =
        "INSERT INTO games ("
            + cols.stream().map(Column::name).collect(Collectors.joining(", "))
            + ") VALUES ("
            + cols.stream()
                .map(c -> c.name().equals(GameColumns.KAFKA_KEY) ? "{'id': ?}" : "?")
                .collect(Collectors.joining(", "))
            + ")";
    long t0 = System.nanoTime();
    try (Connection conn = new DuckDBDriver().connect("jdbc:duckdb:" + file, new Properties())) {
      try (Statement s = conn.createStatement()) {
        s.execute(WarehouseDdl.duckDbCreateTable(WarehouseDdl.GAMES, cols));
      }
      conn.setAutoCommit(false);
      try (PreparedStatement ps = conn.prepareStatement(sql)) {
        int n = 0;
        for (byte[] doc : docs) {
          Struct s = EnrichedGameConverter.toStruct(doc, null);
          int i = 1;
          for (Column c : cols) {
            if (c.name().equals(GameColumns.KAFKA_KEY)) {
              ps.setLong(i++, s.getInt64(GameColumns.ID));
              continue;
            }
            Object v = s.get(c.name());
            if (c.mode() == Column.Mode.REPEATED) {
              List<?> list = (List<?>) v;
              ps.setArray(
                  i++,
                  conn.createArrayOf(
                      c.type() == io.gamedata.connect.schema.ColumnType.INT64
                          ? "BIGINT"
                          : "VARCHAR",
                      list.toArray()));
            } else if (v == null) {
              ps.setNull(i++, Types.NULL);
            } else if (v instanceof Date d) {
              ps.setObject(i++, d.toInstant().atOffset(ZoneOffset.UTC));
            } else {
              ps.setObject(i++, v);
            }
          }
          ps.addBatch();
          if (++n % batchSize == 0) {
            ps.executeBatch();
            conn.commit();
          }
        }
        ps.executeBatch();
        conn.commit();
      }
      try (Statement s = conn.createStatement();
          var rs = s.executeQuery("SELECT count(*) FROM games")) {
        rs.next();
        if (rs.getLong(1) != docs.size()) {
          throw new IllegalStateException("JDBC baseline stored " + rs.getLong(1) + " rows");
        }
      }
    }
    return (System.nanoTime() - t0) / 1e9;
  }
}
