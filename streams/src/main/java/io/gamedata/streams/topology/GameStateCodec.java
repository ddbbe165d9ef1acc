package io.gamedata.streams.topology;

import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.json.Json;
import io.gamedata.streams.domain.GameState;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Compact binary form of a {@link GameState} in the {@code game-state} store (the topics keep their
 * JSON contract; this is internal state). Writing and reading it costs a fraction of JSON, which
 * matters because every game and every re-enrichment reads and writes its state. Values written
 * by earlier versions as JSON (first byte {@code '{'}) are still read.
 *
 * <p>Layout: format byte, flags (bit 0 = source present, bit 1 = pending: to be emitted by the
 * emit policy), {@code updated_at}, content hash, field
 * hashes, dependencies, then the trimmed source fields in {@link
 * io.gamedata.streams.domain.GameVersions#trimmed} order. Nullable values carry a presence byte.
 */
final class GameStateCodec {

  static final byte FORMAT = 1;
  private static final long NULL_ELEMENT = Long.MIN_VALUE;

  private GameStateCodec() {}

  private static final int SOURCE = 1;
  private static final int PENDING = 2;

  static byte[] encode(GameState s) {
    return encode(s, false);
  }

  /**
   * @param pending whether the game waits for the emit policy (kept in the state itself, so that
   *     the set of pending games is rebuilt from this store after a restart or a restore)
   */
  @SuppressWarnings("unchecked")
  static byte[] encode(GameState s, boolean pending) {
    Out out = Out.start();
    out.writeByte(FORMAT);
    IgdbGame g = s.source();
    out.writeByte((g == null ? 0 : SOURCE) | (pending ? PENDING : 0));
    writeLong(out, s.updatedAt());
    writeString(out, s.contentHash());
    writeLongs(out, s.fieldHashes());
    writeLongs(out, s.dependencies());
    if (g != null) {
      // runs of one type written in loops: fifty inlined writes made this the largest method of
      // ours the JIT compiled in a streams run (~0.9 s of C2 time cold); the bytes are the same
      out.writeLong(g.id());
      String[] strings = {
        g.name(), g.slug(), g.summary(), g.storyline(), g.url(), g.checksum(), g.versionTitle()
      };
      for (String v : strings) {
        writeString(out, v);
      }
      Long[] times = {g.firstReleaseDate(), g.createdAt(), g.updatedAt()};
      for (Long v : times) {
        writeLong(out, v);
      }
      Double[] ratings = {g.rating(), g.aggregatedRating(), g.totalRating()};
      Integer[] counts = {g.ratingCount(), g.aggregatedRatingCount(), g.totalRatingCount()};
      for (int i = 0; i < ratings.length; i++) {
        writeDouble(out, ratings[i]);
        writeInt(out, counts[i]);
      }
      writeInt(out, g.hypes());
      Long[] links = {
        g.cover(), g.gameType(), g.gameStatus(), g.parentGame(), g.versionParent(), g.franchise()
      };
      for (Long v : links) {
        writeLong(out, v);
      }
      List<?>[] lists = {
        g.genres(),
        g.themes(),
        g.keywords(),
        g.gameModes(),
        g.playerPerspectives(),
        g.platforms(),
        g.involvedCompanies(),
        g.franchises(),
        g.collections(),
        g.gameEngines(),
        g.similarGames()
      };
      for (List<?> v : lists) {
        writeList(out, (List<Long>) v);
      }
      writeInt(out, g.category());
      writeInt(out, g.status());
      writeLong(out, g.collection());
    }
    return out.finish();
  }

  /** True when {@code bytes} (an encoded state) is marked pending; reads two bytes. */
  static boolean pending(byte[] bytes) {
    return bytes.length > 1 && bytes[0] == FORMAT && (bytes[1] & PENDING) != 0;
  }

  /**
   * The dependencies of an encoded state (what the reverse index needs), without decoding the rest;
   * empty for a deleted game.
   */
  static long[] dependencies(byte[] bytes) throws IOException {
    if (bytes.length == 0 || bytes[0] != FORMAT) {
      GameState s = decode(bytes); // an earlier format: the whole state
      return s.deleted() || s.dependencies() == null ? new long[0] : s.dependencies();
    }
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      in.get();
      if ((in.get() & SOURCE) == 0) {
        return new long[0];
      }
      readLong(in);
      int hashBytes = in.getInt(); // the content hash
      in.position(in.position() + Math.max(0, hashBytes));
      int fields = in.getInt();
      in.position(in.position() + 8 * Math.max(0, fields));
      long[] deps = readLongs(in);
      return deps == null ? new long[0] : deps;
    } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new IOException("truncated or corrupt game state", e);
    }
  }

  static GameState decode(byte[] bytes) throws IOException {
    if (bytes.length > 0 && bytes[0] == '{') {
      return Json.mapper().readValue(bytes, GameState.class); // written by an earlier version
    }
    ByteBuffer in = ByteBuffer.wrap(bytes);
    int format = bytes.length == 0 ? -1 : in.get();
    if (format != FORMAT) {
      throw new IOException("unknown game state format " + format);
    }
    try {
      return decode(in);
    } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
      throw new IOException("truncated or corrupt game state", e);
    }
  }

  private static GameState decode(ByteBuffer in) {
    boolean hasSource = (in.get() & SOURCE) != 0;
    Long updatedAt = readLong(in);
    String contentHash = readString(in);
    long[] fieldHashes = readLongs(in);
    long[] dependencies = readLongs(in);
    IgdbGame source = null;
    if (hasSource) {
      long id = in.getLong();
      String name = readString(in);
      String slug = readString(in);
      String summary = readString(in);
      String storyline = readString(in);
      String url = readString(in);
      String checksum = readString(in);
      String versionTitle = readString(in);
      Long firstReleaseDate = readLong(in);
      Long createdAt = readLong(in);
      Long sourceUpdatedAt = readLong(in);
      Double rating = readDouble(in);
      Integer ratingCount = readInt(in);
      Double aggregatedRating = readDouble(in);
      Integer aggregatedRatingCount = readInt(in);
      Double totalRating = readDouble(in);
      Integer totalRatingCount = readInt(in);
      Integer hypes = readInt(in);
      Long cover = readLong(in);
      Long gameType = readLong(in);
      Long gameStatus = readLong(in);
      Long parentGame = readLong(in);
      Long versionParent = readLong(in);
      Long franchise = readLong(in);
      List<Long> genres = readList(in);
      List<Long> themes = readList(in);
      List<Long> keywords = readList(in);
      List<Long> gameModes = readList(in);
      List<Long> playerPerspectives = readList(in);
      List<Long> platforms = readList(in);
      List<Long> involvedCompanies = readList(in);
      List<Long> franchises = readList(in);
      List<Long> collections = readList(in);
      List<Long> gameEngines = readList(in);
      List<Long> similarGames = readList(in);
      Integer category = readInt(in);
      Integer status = readInt(in);
      Long collection = readLong(in);
      source =
          new IgdbGame(
              id,
              name,
              slug,
              summary,
              storyline,
              url,
              checksum,
              versionTitle,
              firstReleaseDate,
              createdAt,
              sourceUpdatedAt,
              rating,
              ratingCount,
              aggregatedRating,
              aggregatedRatingCount,
              totalRating,
              totalRatingCount,
              hypes,
              cover,
              gameType,
              gameStatus,
              parentGame,
              versionParent,
              franchise,
              genres,
              themes,
              keywords,
              gameModes,
              playerPerspectives,
              platforms,
              involvedCompanies,
              franchises,
              collections,
              gameEngines,
              similarGames,
              null,
              null,
              null,
              category,
              status,
              collection,
              null,
              new LinkedHashMap<>());
    }
    return new GameState(source, updatedAt, contentHash, fieldHashes, dependencies);
  }

  private static void writeString(Out out, String s) {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readString(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0) {
      return null;
    }
    String s = new String(in.array(), in.arrayOffset() + in.position(), n, StandardCharsets.UTF_8);
    in.position(in.position() + n);
    return s;
  }

  private static void writeLong(Out out, Long v) {
    out.writeBoolean(v != null);
    if (v != null) {
      out.writeLong(v);
    }
  }

  private static Long readLong(ByteBuffer in) {
    return in.get() != 0 ? in.getLong() : null;
  }

  private static void writeInt(Out out, Integer v) {
    out.writeBoolean(v != null);
    if (v != null) {
      out.writeInt(v);
    }
  }

  private static Integer readInt(ByteBuffer in) {
    return in.get() != 0 ? in.getInt() : null;
  }

  private static void writeDouble(Out out, Double v) {
    out.writeBoolean(v != null);
    if (v != null) {
      out.writeLong(Double.doubleToLongBits(v));
    }
  }

  private static Double readDouble(ByteBuffer in) {
    return in.get() != 0 ? in.getDouble() : null;
  }

  private static void writeLongs(Out out, long[] v) {
    if (v == null) {
      out.writeInt(-1);
      return;
    }
    out.writeInt(v.length);
    for (long x : v) {
      out.writeLong(x);
    }
  }

  private static long[] readLongs(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0) {
      return null;
    }
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[i] = in.getLong();
    }
    return v;
  }

  private static void writeList(Out out, List<Long> v) {
    if (v == null) {
      out.writeInt(-1);
      return;
    }
    out.writeInt(v.size());
    for (Long x : v) {
      out.writeLong(x == null ? NULL_ELEMENT : x);
    }
  }

  private static List<Long> readList(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0) {
      return null;
    }
    List<Long> v = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long x = in.getLong();
      v.add(x == NULL_ELEMENT ? null : x);
    }
    return v;
  }

  /**
   * A growable big-endian buffer (the layout of {@link java.io.DataOutputStream}, without its
   * per-byte synchronized writes); ints and longs stored whole (one store each, where byte by byte
   * made eight, and more machine code for the JIT to compile).
   */
  private static final class Out {
    private static final VarHandle INT =
        MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG =
        MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /** Room for a typical state (~1 KB): no regrowth. */
    private static final int CAPACITY = 2048;

    /** A buffer grown past this for a large state is not kept for the next one. */
    private static final int MAX_RETAINED = 1 << 16;

    /**
     * The thread's buffer: a new 2 KB buffer per state was ~12% of the bytes the game threads
     * allocated in a bulk load.
     */
    private static final ThreadLocal<Out> LOCAL = ThreadLocal.withInitial(Out::new);

    private byte[] buf = new byte[CAPACITY];
    private int n;

    /** The thread's buffer, emptied (encode does not nest). */
    static Out start() {
      Out out = LOCAL.get();
      out.n = 0;
      return out;
    }

    private void ensure(int more) {
      if (n + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
      }
    }

    void writeByte(int b) {
      ensure(1);
      buf[n++] = (byte) b;
    }

    void writeBoolean(boolean b) {
      writeByte(b ? 1 : 0);
    }

    void writeInt(int v) {
      ensure(4);
      INT.set(buf, n, v);
      n += 4;
    }

    void writeLong(long v) {
      ensure(8);
      LONG.set(buf, n, v);
      n += 8;
    }

    void write(byte[] b) {
      ensure(b.length);
      System.arraycopy(b, 0, buf, n, b.length);
      n += b.length;
    }

    /** A copy of the bytes written. */
    byte[] finish() {
      byte[] bytes = Arrays.copyOf(buf, n);
      if (buf.length > MAX_RETAINED) {
        buf = new byte[CAPACITY];
      }
      return bytes;
    }
  }
}
