package io.gamedata.streams.codec;

import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.streams.domain.GameState;
import java.io.IOException;
import java.util.List;

/**
 * Compact binary form of a {@link GameState} in the {@code game-state} store (the topics keep their
 * JSON contract; this is internal state). Writing and reading it costs a fraction of JSON, which
 * matters because every game and every re-enrichment reads and writes its state, and its size
 * matters because every state goes through the store, the lz4 compressor of the changelog's
 * producer and the broker.
 *
 * <p>Format 2: format byte, flags (bit 0 = source present, bit 1 = pending: to be emitted by the
 * emit policy, bit 2 = {@code updated_at} present), {@code updated_at}, content hash, field hashes,
 * dependencies, then the trimmed source ({@link TrimmedGameFormat}). Numbers are varints (zigzag
 * for signed values; dependencies as the step from the one before: {@link StateOut}), and a field
 * hash equal to the hash of an absent value or of an empty list is a two-bit code. A state of the
 * synthetic catalogue takes 516 bytes on average.
 */
public final class GameStateCodec {

  /** The format written and read. */
  public static final byte FORMAT = 2;

  private static final long ABSENT_HASH = 0x9E3779B97F4A7C15L;
  private static final long EMPTY_LIST_HASH = 0x6df72a56f54aff3eL;

  /**
   * Field hashes stored as a two-bit code (1 and 2) instead of eight bytes: {@link
   * io.gamedata.streams.domain.ContentFingerprint}'s hashes of an absent value and of an empty list
   * (a third of a typical game's fields). Literal here, so that stored states read the same should
   * the fingerprint ever change; {@code GameStateCodecTest} holds them to the fingerprint's.
   */
  static final long[] COMMON_HASHES = {ABSENT_HASH, EMPTY_LIST_HASH};

  private static final int SOURCE = 1;
  private static final int PENDING = 2;
  private static final int UPDATED_AT = 4;

  private GameStateCodec() {}

  public static byte[] encode(GameState s) {
    return encode(s, false);
  }

  /**
   * @param pending whether the game waits for the emit policy (kept in the state itself, so that
   *     the set of pending games is rebuilt from this store after a restart or a restore)
   */
  public static byte[] encode(GameState s, boolean pending) {
    IgdbGame g = s.source();
    Long updatedAt = s.updatedAt();
    String[] strings = null;
    List<?>[] lists = null;
    // the most bytes the state can take (varints 10, a character 3, hashes 8 and a code): room is
    // made once, so that each write below is a plain store (a check per write made the compiled
    // encoder several times larger, and slower to compile)
    long room = 40 + StateOut.maxBytes(s.contentHash()) + 10L * length(s.dependencies());
    long[] hashes = s.fieldHashes();
    room += hashes == null ? 0 : 9L * hashes.length;
    if (g != null) {
      strings = TrimmedGameFormat.strings(g);
      lists = TrimmedGameFormat.lists(g);
      room += TrimmedGameFormat.maxBytes(g, strings, lists);
    }
    StateOut out = StateOut.start(Math.toIntExact(room));
    out.writeByte(FORMAT);
    out.writeByte(
        (g == null ? 0 : SOURCE) | (pending ? PENDING : 0) | (updatedAt == null ? 0 : UPDATED_AT));
    if (updatedAt != null) {
      out.writeVarLong(StateOut.zigzag(updatedAt));
    }
    out.writeString(s.contentHash());
    writeHashes(out, hashes);
    out.writeSteps(s.dependencies());
    if (g != null) {
      TrimmedGameFormat.write(out, g, strings, lists);
    }
    return out.finish();
  }

  private static int length(long[] v) {
    return v == null ? 0 : v.length;
  }

  /** True when {@code bytes} (an encoded state) is marked pending; reads two bytes. */
  public static boolean pending(byte[] bytes) {
    return bytes.length > 1 && bytes[0] == FORMAT && (bytes[1] & PENDING) != 0;
  }

  /**
   * The dependencies of an encoded state (what the reverse index needs), without decoding the rest;
   * empty for a deleted game.
   */
  public static long[] dependencies(byte[] bytes) throws IOException {
    checkFormat(bytes);
    try {
      StateIn in = new StateIn(bytes, 1);
      int flags = in.readByte();
      if ((flags & SOURCE) == 0) {
        return new long[0];
      }
      if ((flags & UPDATED_AT) != 0) {
        in.readVarLong();
      }
      in.skipString();
      skipHashes(in);
      long[] deps = in.readSteps();
      return deps == null ? new long[0] : deps;
    } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
      throw new IOException("truncated or corrupt game state", e);
    }
  }

  public static GameState decode(byte[] bytes) throws IOException {
    checkFormat(bytes);
    try {
      return decode(new StateIn(bytes, 1));
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

  private static GameState decode(StateIn in) {
    int flags = in.readByte();
    Long updatedAt = (flags & UPDATED_AT) != 0 ? StateIn.unzigzag(in.readVarLong()) : null;
    String contentHash = in.readString();
    long[] fieldHashes = readHashes(in);
    long[] dependencies = in.readSteps();
    IgdbGame source = (flags & SOURCE) == 0 ? null : TrimmedGameFormat.read(in);
    return new GameState(source, updatedAt, contentHash, fieldHashes, dependencies);
  }

  /**
   * Count + 1 as a varint (0 = null), two bits per hash (0 = eight bytes follow, 1 and 2 = {@link
   * #COMMON_HASHES}), then the other hashes.
   */
  private static void writeHashes(StateOut out, long[] hashes) {
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

  private static long[] readHashes(StateIn in) {
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

  /** Skips field hashes as {@link #writeHashes} wrote them. */
  private static void skipHashes(StateIn in) {
    long count = in.readVarLong();
    if (count == 0) {
      return;
    }
    int n = in.count(count - 1, 0);
    int codesAt = in.pos;
    in.skip((n + 3) / 4);
    int full = 0;
    for (int i = 0; i < n; i++) {
      if (((in.bytes[codesAt + i / 4] >> ((i % 4) * 2)) & 3) == 0) {
        full++;
      }
    }
    in.skip(8 * full);
  }
}
