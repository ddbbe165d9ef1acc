package io.gamedata.streams.topology;

import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.streams.domain.GameState;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Compact binary form of a {@link GameState} in the {@code game-state} store (the topics keep their
 * JSON contract; this is internal state). Writing and reading it costs a fraction of JSON, which
 * matters because every game and every re-enrichment reads and writes its state, and its size
 * matters because every state goes through RocksDB, the lz4 compressor of the changelog's producer
 * and the broker.
 *
 * <p>Format 2 (written): format byte, flags (bit 0 = source present, bit 1 = pending: to be emitted
 * by the emit policy, bit 2 = {@code updated_at} present), {@code updated_at}, content hash, field
 * hashes, dependencies, then the trimmed source (see {@link
 * io.gamedata.streams.domain.GameVersions#trimmed}): its id, a presence mask of its nullable
 * numbers, those numbers, its strings, url, checksum and id lists. Numbers are varints (zigzag for
 * signed values; list elements and dependencies as the step from the one before), a field hash
 * equal to the hash of an absent value or of an empty list is a two-bit code, a url in IGDB's shape
 * (the game page of the slug) is a mark, and a checksum in IGDB's shape (a UUID) a mark and 16
 * bytes. A state of the synthetic catalogue takes 516 bytes on average.
 */
final class GameStateCodec {

  /** The format written. */
  static final byte FORMAT = 2;

  private static final long NULL_ELEMENT = Long.MIN_VALUE;

  private static final long ABSENT_HASH = 0x9E3779B97F4A7C15L;
  private static final long EMPTY_LIST_HASH = 0x6df72a56f54aff3eL;

  /**
   * Field hashes stored as a two-bit code (1 and 2) instead of eight bytes: {@link
   * io.gamedata.streams.domain.ContentFingerprint}'s hashes of an absent value and of an empty list
   * (a third of a typical game's fields). Literal here, so that stored states read the same should
   * the fingerprint ever change; {@code GameStateCodecTest} holds them to the fingerprint's.
   */
  static final long[] COMMON_HASHES = {ABSENT_HASH, EMPTY_LIST_HASH};

  /** The page IGDB gives a game: {@code url} is this followed by {@code slug}. */
  static final String IGDB_GAME_URL = "https://www.igdb.com/games/";

  private GameStateCodec() {}

  private static final int SOURCE = 1;
  private static final int PENDING = 2;
  private static final int UPDATED_AT = 4;

  /** Marks of a url or checksum: absent, in its IGDB shape, or verbatim (length follows). */
  private static final int ABSENT = 0;

  private static final int SHAPED = 1;
  private static final int VERBATIM = 2;

  static byte[] encode(GameState s) {
    return encode(s, false);
  }

  /**
   * @param pending whether the game waits for the emit policy (kept in the state itself, so that
   *     the set of pending games is rebuilt from this store after a restart or a restore)
   */
  static byte[] encode(GameState s, boolean pending) {
    IgdbGame g = s.source();
    Long updatedAt = s.updatedAt();
    String[] strings = null;
    List<?>[] lists = null;
    // the most bytes the state can take (varints 10, a character 3, hashes 8 and a code): room is
    // made once, so that each write below is a plain store (a check per write made the compiled
    // encoder several times larger, and slower to compile)
    long room = 40 + maxBytes(s.contentHash()) + 10L * length(s.dependencies());
    long[] hashes = s.fieldHashes();
    room += hashes == null ? 0 : 9L * hashes.length;
    if (g != null) {
      strings = new String[] {g.name(), g.slug(), g.summary(), g.storyline(), g.versionTitle()};
      lists =
          new List<?>[] {
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
      room += 40 + 20 * 10 + maxBytes(g.url()) + maxBytes(g.checksum());
      for (String v : strings) {
        room += maxBytes(v);
      }
      for (List<?> v : lists) {
        room += 10 + (v == null ? 0 : 10L * v.size());
      }
    }
    Out out = Out.start(Math.toIntExact(room));
    out.writeByte(FORMAT);
    out.writeByte(
        (g == null ? 0 : SOURCE) | (pending ? PENDING : 0) | (updatedAt == null ? 0 : UPDATED_AT));
    if (updatedAt != null) {
      out.writeVarLong(zigzag(updatedAt));
    }
    writeString(out, s.contentHash());
    writeHashes(out, hashes);
    writeDeltas(out, s.dependencies());
    if (g != null) {
      writeSource(out, g, strings, lists);
    }
    return out.finish();
  }

  private static long maxBytes(String s) {
    return s == null ? 10 : 10 + 3L * s.length();
  }

  private static int length(long[] v) {
    return v == null ? 0 : v.length;
  }

  @SuppressWarnings("unchecked")
  private static void writeSource(Out out, IgdbGame g, String[] strings, List<?>[] lists) {
    // runs of one type written in loops: fifty inlined writes made an earlier encoder the
    // largest method of ours the JIT compiled in a streams run (~0.9 s of C2 time cold)
    out.writeVarLong(zigzag(g.id()));
    Long[] longs = {
      g.firstReleaseDate(),
      g.createdAt(),
      g.updatedAt(),
      g.cover(),
      g.gameType(),
      g.gameStatus(),
      g.parentGame(),
      g.versionParent(),
      g.franchise(),
      g.collection()
    };
    Integer[] ints = {
      g.ratingCount(),
      g.aggregatedRatingCount(),
      g.totalRatingCount(),
      g.hypes(),
      g.category(),
      g.status()
    };
    Double[] doubles = {g.rating(), g.aggregatedRating(), g.totalRating()};
    long present = 0;
    int bit = 0;
    for (Long v : longs) {
      present |= (v != null ? 1L : 0L) << bit++;
    }
    for (Integer v : ints) {
      present |= (v != null ? 1L : 0L) << bit++;
    }
    for (Double v : doubles) {
      present |= (v != null ? 1L : 0L) << bit++;
    }
    out.writeVarLong(present);
    for (Long v : longs) {
      if (v != null) {
        out.writeVarLong(zigzag(v));
      }
    }
    for (Integer v : ints) {
      if (v != null) {
        out.writeVarLong(zigzag(v));
      }
    }
    for (Double v : doubles) {
      if (v != null) {
        out.writeLong(Double.doubleToLongBits(v));
      }
    }
    for (String v : strings) {
      writeString(out, v);
    }
    writeUrl(out, g.url(), g.slug());
    writeChecksum(out, g.checksum());
    for (List<?> v : lists) {
      writeList(out, (List<Long>) v);
    }
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
    checkFormat(bytes);
    try {
      In in = new In(bytes, 1);
      int flags = in.readByte();
      if ((flags & SOURCE) == 0) {
        return new long[0];
      }
      if ((flags & UPDATED_AT) != 0) {
        in.readVarLong();
      }
      in.skipString();
      in.skipHashes();
      long[] deps = readDeltas(in);
      return deps == null ? new long[0] : deps;
    } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
      throw new IOException("truncated or corrupt game state", e);
    }
  }

  static GameState decode(byte[] bytes) throws IOException {
    checkFormat(bytes);
    try {
      return decode(new In(bytes, 1));
    } catch (IllegalArgumentException | IndexOutOfBoundsException | ArithmeticException e) {
      throw new IOException("truncated or corrupt game state", e);
    }
  }

  private static void checkFormat(byte[] bytes) throws IOException {
    int format = bytes.length == 0 ? -1 : bytes[0];
    if (format != FORMAT) {
      throw new IOException("unknown game state format " + format);
    }
  }

  private static GameState decode(In in) {
    int flags = in.readByte();
    Long updatedAt = (flags & UPDATED_AT) != 0 ? unzigzag(in.readVarLong()) : null;
    String contentHash = in.readString();
    long[] fieldHashes = readHashes(in);
    long[] dependencies = readDeltas(in);
    if ((flags & SOURCE) == 0) {
      return new GameState(null, updatedAt, contentHash, fieldHashes, dependencies);
    }
    long id = unzigzag(in.readVarLong());
    long present = in.readVarLong();
    Long[] longs = new Long[10];
    Integer[] ints = new Integer[6];
    Double[] doubles = new Double[3];
    int bit = 0;
    for (int i = 0; i < longs.length; i++) {
      longs[i] = (present & (1L << bit++)) != 0 ? unzigzag(in.readVarLong()) : null;
    }
    for (int i = 0; i < ints.length; i++) {
      ints[i] = (present & (1L << bit++)) != 0 ? Math.toIntExact(unzigzag(in.readVarLong())) : null;
    }
    for (int i = 0; i < doubles.length; i++) {
      doubles[i] = (present & (1L << bit++)) != 0 ? Double.longBitsToDouble(in.readLong()) : null;
    }
    String name = in.readString();
    String slug = in.readString();
    String summary = in.readString();
    String storyline = in.readString();
    String versionTitle = in.readString();
    String url = readUrl(in, slug);
    String checksum = readChecksum(in);
    List<Long>[] lists = readLists(in, 11);
    IgdbGame source =
        trimmedGame(
            id,
            new String[] {name, slug, summary, storyline, url, checksum, versionTitle},
            longs,
            ints,
            doubles,
            lists);
    return new GameState(source, updatedAt, contentHash, fieldHashes, dependencies);
  }

  @SuppressWarnings("unchecked")
  private static List<Long>[] readLists(In in, int n) {
    List<Long>[] lists = new List[n];
    for (int i = 0; i < n; i++) {
      lists[i] = readList(in);
    }
    return lists;
  }

  /**
   * A trimmed game from its decoded fields: {@code texts} name, slug, summary, storyline, url,
   * checksum, version title; {@code longs}, {@code ints}, {@code doubles} and {@code lists} in the
   * order {@link #writeSource} writes them.
   */
  private static IgdbGame trimmedGame(
      long id, String[] texts, Long[] longs, Integer[] ints, Double[] doubles, List<Long>[] lists) {
    return new IgdbGame(
        id,
        texts[0],
        texts[1],
        texts[2],
        texts[3],
        texts[4],
        texts[5],
        texts[6],
        longs[0],
        longs[1],
        longs[2],
        doubles[0],
        ints[0],
        doubles[1],
        ints[1],
        doubles[2],
        ints[2],
        ints[3],
        longs[3],
        longs[4],
        longs[5],
        longs[6],
        longs[7],
        longs[8],
        lists[0],
        lists[1],
        lists[2],
        lists[3],
        lists[4],
        lists[5],
        lists[6],
        lists[7],
        lists[8],
        lists[9],
        lists[10],
        null,
        null,
        null,
        ints[4],
        ints[5],
        longs[9],
        null,
        new LinkedHashMap<>());
  }

  private static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  private static long unzigzag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }

  /** Length + 1 as a varint (0 = null), then the UTF-8 bytes. */
  private static void writeString(Out out, String s) {
    if (s == null) {
      out.writeVarLong(0);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeVarLong(b.length + 1L);
    out.write(b);
  }

  private static void writeVerbatim(Out out, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeVarLong(VERBATIM + (long) b.length);
    out.write(b);
  }

  private static void writeUrl(Out out, String url, String slug) {
    if (url == null) {
      out.writeVarLong(ABSENT);
    } else if (slug != null
        && url.length() == IGDB_GAME_URL.length() + slug.length()
        && url.startsWith(IGDB_GAME_URL)
        && url.endsWith(slug)) {
      out.writeVarLong(SHAPED);
    } else {
      writeVerbatim(out, url);
    }
  }

  private static String readUrl(In in, String slug) {
    long mark = in.readVarLong();
    if (mark == ABSENT) {
      return null;
    }
    if (mark == SHAPED) {
      if (slug == null) {
        throw new IllegalArgumentException("a url made of a missing slug");
      }
      return IGDB_GAME_URL + slug;
    }
    return in.readUtf8(Math.toIntExact(mark - VERBATIM));
  }

  /** The value of a lowercase hex digit, else -1. */
  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return -1;
  }

  /** A checksum in IGDB's shape (a UUID in lowercase hex with its dashes) as 16 bytes. */
  private static void writeChecksum(Out out, String checksum) {
    if (checksum == null) {
      out.writeVarLong(ABSENT);
      return;
    }
    if (checksum.length() == 36) {
      long hi = 0;
      long lo = 0;
      boolean shaped = true;
      for (int i = 0; i < 36 && shaped; i++) {
        char c = checksum.charAt(i);
        if (i == 8 || i == 13 || i == 18 || i == 23) {
          shaped = c == '-';
        } else {
          int d = hexDigit(c);
          shaped = d >= 0;
          if (i < 19) {
            hi = (hi << 4) | d;
          } else {
            lo = (lo << 4) | d;
          }
        }
      }
      if (shaped) {
        out.writeVarLong(SHAPED);
        out.writeLong(hi);
        out.writeLong(lo);
        return;
      }
    }
    writeVerbatim(out, checksum);
  }

  private static String readChecksum(In in) {
    long mark = in.readVarLong();
    if (mark == ABSENT) {
      return null;
    }
    if (mark != SHAPED) {
      return in.readUtf8(Math.toIntExact(mark - VERBATIM));
    }
    HexFormat hex16 = HexFormat.of();
    String hex = hex16.toHexDigits(in.readLong()) + hex16.toHexDigits(in.readLong());
    return hex.substring(0, 8)
        + '-'
        + hex.substring(8, 12)
        + '-'
        + hex.substring(12, 16)
        + '-'
        + hex.substring(16, 20)
        + '-'
        + hex.substring(20);
  }

  /**
   * Count + 1 as a varint (0 = null), two bits per hash (0 = eight bytes follow, 1 and 2 = {@link
   * #COMMON_HASHES}), then the other hashes.
   */
  private static void writeHashes(Out out, long[] hashes) {
    if (hashes == null) {
      out.writeVarLong(0);
      return;
    }
    int n = hashes.length;
    out.writeVarLong(n + 1L);
    int codesAt = out.reserve((n + 3) / 4);
    for (int i = 0; i < n; i++) {
      long h = hashes[i];
      int code = h == ABSENT_HASH ? 1 : h == EMPTY_LIST_HASH ? 2 : 0;
      if (code == 0) {
        out.writeLong(h);
      } else {
        out.or(codesAt + (i >> 2), code << ((i & 3) << 1));
      }
    }
  }

  private static long[] readHashes(In in) {
    long count = in.readVarLong();
    if (count == 0) {
      return null;
    }
    int n = in.count(count - 1, 0);
    int codesAt = in.pos;
    in.skip((n + 3) / 4);
    long[] hashes = new long[n];
    for (int i = 0; i < hashes.length; i++) {
      int code = (in.bytes[codesAt + i / 4] >> ((i % 4) * 2)) & 3;
      if (code == 3) {
        throw new IllegalArgumentException("unknown field hash code");
      }
      hashes[i] = code == 0 ? in.readLong() : COMMON_HASHES[code - 1];
    }
    return hashes;
  }

  /** Count + 1 as a varint (0 = null), then each value as the zigzag of its step from the last. */
  private static void writeDeltas(Out out, long[] v) {
    if (v == null) {
      out.writeVarLong(0);
      return;
    }
    out.writeVarLong(v.length + 1L);
    long last = 0;
    for (long x : v) {
      out.writeVarLong(zigzag(x - last));
      last = x;
    }
  }

  private static long[] readDeltas(In in) {
    long count = in.readVarLong();
    if (count == 0) {
      return null;
    }
    long[] v = new long[in.count(count - 1, 1)];
    long last = 0;
    for (int i = 0; i < v.length; i++) {
      last += unzigzag(in.readVarLong());
      v[i] = last;
    }
    return v;
  }

  /** As {@link #writeDeltas}; a null element is stored as {@link Long#MIN_VALUE}. */
  private static void writeList(Out out, List<Long> v) {
    if (v == null) {
      out.writeVarLong(0);
      return;
    }
    out.writeVarLong(v.size() + 1L);
    long last = 0;
    for (int i = 0, n = v.size(); i < n; i++) {
      Long x = v.get(i);
      long value = x == null ? NULL_ELEMENT : x;
      out.writeVarLong(zigzag(value - last));
      last = value;
    }
  }

  private static List<Long> readList(In in) {
    long count = in.readVarLong();
    if (count == 0) {
      return null;
    }
    int n = in.count(count - 1, 1);
    List<Long> v = new ArrayList<>(n);
    long last = 0;
    for (int i = 0; i < n; i++) {
      last += unzigzag(in.readVarLong());
      v.add(last == NULL_ELEMENT ? null : last);
    }
    return v;
  }

  /**
   * A reader of format 2 over an array; out-of-range reads throw (the caller reports corruption).
   */
  private static final class In {
    private static final VarHandle LONG =
        MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    final byte[] bytes;
    int pos;

    In(byte[] bytes, int pos) {
      this.bytes = bytes;
      this.pos = pos;
    }

    int readByte() {
      return bytes[pos++] & 0xFF;
    }

    long readLong() {
      long v = (long) LONG.get(bytes, pos);
      pos += 8;
      return v;
    }

    long readVarLong() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte b = bytes[pos++];
        v |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          return v;
        }
      }
      throw new IllegalArgumentException("varint longer than ten bytes");
    }

    void skip(int n) {
      if (n < 0 || n > bytes.length - pos) {
        throw new IndexOutOfBoundsException("skip " + n + " at " + pos + " of " + bytes.length);
      }
      pos += n;
    }

    /** A count read from the input, checked against the bytes left ({@code min} per element). */
    int count(long n, int min) {
      if (n < 0 || n > Integer.MAX_VALUE - 8 || n * min > bytes.length - pos) {
        throw new IndexOutOfBoundsException("count " + n + " at " + pos + " of " + bytes.length);
      }
      return (int) n;
    }

    String readUtf8(int n) {
      int start = pos;
      skip(n);
      return new String(bytes, start, n, StandardCharsets.UTF_8);
    }

    String readString() {
      long n = readVarLong();
      return n == 0 ? null : readUtf8(count(n - 1, 1));
    }

    void skipString() {
      long n = readVarLong();
      if (n > 0) {
        skip(count(n - 1, 1));
      }
    }

    /** Skips field hashes as {@link #writeHashes} wrote them. */
    void skipHashes() {
      long count = readVarLong();
      if (count == 0) {
        return;
      }
      int n = count(count - 1, 0);
      int codesAt = pos;
      skip((n + 3) / 4);
      int full = 0;
      for (int i = 0; i < n; i++) {
        if (((bytes[codesAt + i / 4] >> ((i % 4) * 2)) & 3) == 0) {
          full++;
        }
      }
      skip(8 * full);
    }
  }

  /**
   * The thread's output buffer: room is made once per state ({@link #start}), then varints, bytes
   * and big-endian longs (one store each) are written without further checks.
   */
  private static final class Out {
    private static final VarHandle LONG =
        MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /**
     * Room for the bound {@link #encode} computes for a typical state (~2-3 KB, the most its
     * strings, numbers and lists could take; it writes ~0.5 KB): no regrowth.
     */
    private static final int CAPACITY = 4096;

    /** A buffer grown past this for a large state is not kept for the next one. */
    private static final int MAX_RETAINED = 1 << 16;

    /**
     * The thread's buffer: a new buffer per state was ~12% of the bytes the game threads allocated
     * in a bulk load.
     */
    private static final ThreadLocal<Out> LOCAL = ThreadLocal.withInitial(Out::new);

    private byte[] buf = new byte[CAPACITY];
    private int n;

    /**
     * The thread's buffer, emptied (encode does not nest), with room for {@code capacity} bytes:
     * the writes below do not check for room one by one (an overrun would throw, not corrupt).
     */
    static Out start(int capacity) {
      Out out = LOCAL.get();
      out.n = 0;
      if (out.buf.length < capacity) {
        out.buf = new byte[Math.max(capacity, out.buf.length * 2)];
      }
      return out;
    }

    void writeByte(int b) {
      buf[n++] = (byte) b;
    }

    /**
     * Seven bits per byte, low first, the top bit set on all but the last (1-10 bytes); ~10 ns
     * each, where a fixed-width long costs ~1: the varints cost ~0.5 µs per state to write, and
     * save ~440 bytes per state through RocksDB, lz4 and the broker.
     */
    void writeVarLong(long v) {
      byte[] b = buf;
      int p = n;
      while ((v & ~0x7FL) != 0) {
        b[p++] = (byte) (v | 0x80);
        v >>>= 7;
      }
      b[p++] = (byte) v;
      n = p;
    }

    void writeLong(long v) {
      LONG.set(buf, n, v);
      n += 8;
    }

    void write(byte[] b) {
      System.arraycopy(b, 0, buf, n, b.length);
      n += b.length;
    }

    /** Reserves {@code count} zero bytes; returns where they start. */
    int reserve(int count) {
      int at = n;
      Arrays.fill(buf, n, n + count, (byte) 0);
      n += count;
      return at;
    }

    /** Sets bits in a reserved byte. */
    void or(int at, int bits) {
      buf[at] |= (byte) bits;
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
