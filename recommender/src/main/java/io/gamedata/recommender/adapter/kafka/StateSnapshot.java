package io.gamedata.recommender.adapter.kafka;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.json.Json;
import io.gamedata.recommender.engine.EngineState;
import io.gamedata.recommender.engine.IdfGeneration;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replica's whole state in one local file, so that a restart loads it instead of re-reading
 * {@code games.enriched} and {@code games.similar} and re-indexing: the engine's {@link
 * EngineState} (documents, IDF generation, drift counter, every list) and the offsets of the
 * enriched topic it reflects (lists up to there were flushed to the similar topic before the state
 * was taken). A restart loads it, seeks to the offsets and catches up the tail.
 *
 * <p>Binary format {@value #VERSION}: magic, version, topics, K', engine fingerprint, offsets, save
 * time, the IDF generation, the drift counter, the documents (length-prefixed JSON of the {@code
 * EnrichedGame} contract, parsed in parallel on load), the lists (length with a "complete" flag,
 * members as indexes into the documents, integer scores), and a CRC32 of everything before it.
 * Written to a temporary file, then renamed: a crash while writing leaves the previous snapshot.
 * {@link #read} returns empty for a missing, truncated, corrupt or other-version file (the caller
 * falls back to Kafka).
 *
 * @param enrichedTopic topic the offsets belong to
 * @param similarTopic topic the lists were published to
 * @param listSize K'
 * @param engineFingerprint the engine settings the lists were computed with
 * @param offsets next offset to read of the enriched topic, by partition
 * @param savedAt when the state was taken
 * @param engine the engine's state
 */
public record StateSnapshot(
    String enrichedTopic,
    String similarTopic,
    int listSize,
    String engineFingerprint,
    Map<Integer, Long> offsets,
    Instant savedAt,
    EngineState engine) {

  private static final Logger LOG = LoggerFactory.getLogger(StateSnapshot.class);
  private static final int MAGIC = 0x47445253; // "GDRS"

  /** Format version; a file of another version is ignored. */
  public static final int VERSION = 4;

  private static final int COMPLETE_BIT = 0x8000;

  /** File name inside the state directory. */
  public static final String FILE = "recommender-state.bin";

  private static final ObjectWriter DOC_WRITER = Json.mapper().writerFor(EnrichedGame.class);
  private static final ObjectReader DOC_READER = Json.mapper().readerFor(EnrichedGame.class);

  public StateSnapshot {
    offsets = Map.copyOf(new TreeMap<>(offsets));
  }

  /** Writes atomically (temporary file, then rename); returns the file size in bytes. */
  public long write(Path dir) {
    try {
      Files.createDirectories(dir);
      Path tmp = dir.resolve(FILE + ".tmp");
      try (OutputStream raw = Files.newOutputStream(tmp)) {
        CRC32 crc = new CRC32();
        // buffered above the checksum: the CRC is updated a megabyte at a time, not per byte
        DataOutputStream out =
            new DataOutputStream(
                new BufferedOutputStream(new CheckedOutputStream(raw, crc), 1 << 20));
        writeBody(out);
        out.flush();
        new DataOutputStream(raw).writeLong(crc.getValue());
      }
      Files.move(
          tmp,
          dir.resolve(FILE),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      return Files.size(dir.resolve(FILE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write state snapshot in " + dir, e);
    }
  }

  private static void writeString(DataOutputStream out, String v) throws IOException {
    byte[] b = v.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(ByteBuffer in) throws IOException {
    byte[] b = new byte[count(in.getInt(), "string bytes")];
    in.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }

  private void writeBody(DataOutputStream out) throws IOException {
    out.writeInt(MAGIC);
    out.writeInt(VERSION);
    writeString(out, enrichedTopic);
    writeString(out, similarTopic);
    out.writeInt(listSize);
    writeString(out, engineFingerprint);
    out.writeInt(offsets.size());
    for (var e : offsets.entrySet()) {
      out.writeInt(e.getKey());
      out.writeLong(e.getValue());
    }
    out.writeLong(savedAt.toEpochMilli());
    IdfGeneration gen = engine.generation();
    out.writeLong(gen.number());
    out.writeInt(gen.n());
    out.writeInt(gen.df().size());
    for (var e : gen.df().entrySet()) {
      writeString(out, e.getKey());
      out.writeInt(e.getValue());
    }
    out.writeLong(engine.changesSinceGeneration());
    List<EnrichedGame> games = engine.games();
    out.writeInt(games.size());
    Map<Long, Integer> index = new HashMap<>(games.size() * 2);
    for (int i = 0; i < games.size(); i++) {
      byte[] doc = DOC_WRITER.writeValueAsBytes(games.get(i));
      out.writeInt(doc.length);
      out.write(doc);
      index.put(games.get(i).id(), i);
    }
    for (int i = 0; i < games.size(); i++) {
      long[] ids = engine.listIds()[i];
      int[] scores = engine.listScores()[i];
      // list length, high bit = the list is complete (holds every candidate)
      out.writeShort(ids.length | (engine.complete(i) ? COMPLETE_BIT : 0));
      for (int j = 0; j < ids.length; j++) {
        Integer member = index.get(ids[j]);
        if (member == null) {
          throw new IllegalStateException("list of game " + games.get(i).id() + " names " + ids[j]);
        }
        out.writeInt(member);
        out.writeInt(scores[j]);
      }
    }
    out.writeByte(engine.hasVectors() ? 1 : 0);
    if (engine.hasVectors()) {
      out.writeInt(engine.terms().length);
      for (String t : engine.terms()) {
        writeString(out, t);
      }
      for (int i = 0; i < games.size(); i++) {
        int[] t = engine.vecTerms()[i];
        short[] w = engine.vecWeights()[i];
        out.writeShort(t.length);
        for (int j = 0; j < t.length; j++) {
          out.writeInt(t[j]);
          out.writeShort(w[j]);
        }
      }
    }
  }

  /** The snapshot in {@code dir}, or empty when there is none or it cannot be trusted. */
  public static Optional<StateSnapshot> read(Path dir) {
    Path f = dir.resolve(FILE);
    if (!Files.exists(f)) {
      return Optional.empty();
    }
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size < 16 || size > Integer.MAX_VALUE) {
        LOG.warn("ignoring state snapshot {}: size {} bytes", f, size);
        return Optional.empty();
      }
      // one mapped pass for the checksum (intrinsic, GB/s), then parsing from memory
      ByteBuffer all = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
      CRC32 crc = new CRC32();
      crc.update(all.duplicate().limit((int) size - 8));
      if (all.getLong((int) size - 8) != crc.getValue()) {
        LOG.warn("ignoring state snapshot {}: checksum mismatch (truncated or damaged)", f);
        return Optional.empty();
      }
      ByteBuffer in = all.duplicate().limit((int) size - 8);
      StateSnapshot s = readBody(in);
      if (in.hasRemaining()) {
        LOG.warn("ignoring state snapshot {}: trailing bytes", f);
        return Optional.empty();
      }
      return Optional.of(s);
    } catch (IOException | RuntimeException e) {
      LOG.warn("ignoring unreadable state snapshot {}: {}", f, e.toString());
    }
    return Optional.empty();
  }

  private static StateSnapshot readBody(ByteBuffer in) throws IOException {
    if (in.getInt() != MAGIC) {
      throw new IOException("not a state snapshot");
    }
    int version = in.getInt();
    if (version != VERSION) {
      throw new IOException("format version " + version + ", expected " + VERSION);
    }
    String enriched = readString(in);
    String similar = readString(in);
    int listSize = in.getInt();
    String fingerprint = readString(in);
    int parts = in.getInt();
    Map<Integer, Long> offsets = new HashMap<>();
    for (int i = 0; i < parts; i++) {
      offsets.put(in.getInt(), in.getLong());
    }
    Instant savedAt = Instant.ofEpochMilli(in.getLong());
    long number = in.getLong();
    int n = in.getInt();
    int dfTerms = count(in.getInt(), "df terms");
    Map<String, Integer> df = new HashMap<>(dfTerms * 2);
    for (int i = 0; i < dfTerms; i++) {
      df.put(readString(in), in.getInt());
    }
    long changes = in.getLong();
    int games = count(in.getInt(), "games");
    int[] docAt = new int[games];
    int[] docLength = new int[games];
    for (int i = 0; i < games; i++) {
      docLength[i] = count(in.getInt(), "document bytes");
      docAt[i] = in.position();
      in.position(docAt[i] + docLength[i]);
    }
    long[][] ids = new long[games][]; // member indexes first, ids once the documents are parsed
    int[][] scores = new int[games][];
    boolean[] complete = new boolean[games];
    for (int i = 0; i < games; i++) {
      int sizeAndFlag = in.getShort() & 0xffff;
      complete[i] = (sizeAndFlag & COMPLETE_BIT) != 0;
      int size = sizeAndFlag & ~COMPLETE_BIT;
      ids[i] = new long[size];
      scores[i] = new int[size];
      for (int j = 0; j < size; j++) {
        int member = in.getInt();
        if (member < 0 || member >= games) {
          throw new IOException("list member index out of range: " + member);
        }
        ids[i][j] = member;
        scores[i][j] = in.getInt();
      }
    }
    String[] terms = null;
    int[][] vecTerms = null;
    short[][] vecWeights = null;
    if (in.get() != 0) {
      terms = new String[count(in.getInt(), "terms")];
      for (int i = 0; i < terms.length; i++) {
        terms[i] = readString(in);
      }
      vecTerms = new int[games][];
      vecWeights = new short[games][];
      for (int i = 0; i < games; i++) {
        int size = in.getShort() & 0xffff;
        vecTerms[i] = new int[size];
        vecWeights[i] = new short[size];
        for (int j = 0; j < size; j++) {
          vecTerms[i][j] = in.getInt();
          if (vecTerms[i][j] < 0 || vecTerms[i][j] >= terms.length) {
            throw new IOException("term index out of range: " + vecTerms[i][j]);
          }
          vecWeights[i][j] = in.getShort();
        }
      }
    }
    // the documents are the bulk of the work: parse them on every core, straight from the map
    EnrichedGame[] docs = new EnrichedGame[games];
    IntStream.range(0, games)
        .parallel()
        .forEach(
            i -> {
              byte[] b = new byte[docLength[i]];
              in.duplicate().position(docAt[i]).get(b);
              try {
                docs[i] = DOC_READER.readValue(b);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    for (long[] list : ids) {
      for (int j = 0; j < list.length; j++) {
        list[j] = docs[(int) list[j]].id();
      }
    }
    List<EnrichedGame> docList = new ArrayList<>(Arrays.asList(docs));
    return new StateSnapshot(
        enriched,
        similar,
        listSize,
        fingerprint,
        offsets,
        savedAt,
        new EngineState(
            new IdfGeneration(number, n, df),
            changes,
            docList,
            ids,
            scores,
            terms,
            vecTerms,
            vecWeights,
            complete));
  }

  private static int count(int v, String what) throws IOException {
    if (v < 0 || v > 100_000_000) {
      throw new IOException("implausible number of " + what + ": " + v);
    }
    return v;
  }

  @Override
  public String toString() {
    return "StateSnapshot["
        + enrichedTopic
        + " "
        + offsets
        + ", "
        + engine.games().size()
        + " games, saved "
        + savedAt
        + "]";
  }
}
