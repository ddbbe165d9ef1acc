package io.gamedata.streams.topology;

import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.streams.domain.GameState;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The format-1 writer of earlier versions (fixed-width, big-endian), kept for the tests: stores
 * written by those versions must still be read. {@code GameStateCodecTest} holds it to format 1's
 * golden bytes.
 */
final class GameStateFormat1 {

  private GameStateFormat1() {}

  static byte[] encode(GameState s, boolean pending) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    IgdbGame g = s.source();
    out.writeByte(1);
    out.writeByte((g == null ? 0 : 1) | (pending ? 2 : 0));
    writeLong(out, s.updatedAt());
    writeString(out, s.contentHash());
    writeLongs(out, s.fieldHashes());
    writeLongs(out, s.dependencies());
    if (g != null) {
      out.writeLong(g.id());
      for (String v :
          new String[] {
            g.name(), g.slug(), g.summary(), g.storyline(), g.url(), g.checksum(), g.versionTitle()
          }) {
        writeString(out, v);
      }
      for (Long v : new Long[] {g.firstReleaseDate(), g.createdAt(), g.updatedAt()}) {
        writeLong(out, v);
      }
      Double[] ratings = {g.rating(), g.aggregatedRating(), g.totalRating()};
      Integer[] counts = {g.ratingCount(), g.aggregatedRatingCount(), g.totalRatingCount()};
      for (int i = 0; i < 3; i++) {
        out.writeBoolean(ratings[i] != null);
        if (ratings[i] != null) {
          out.writeLong(Double.doubleToLongBits(ratings[i]));
        }
        writeInt(out, counts[i]);
      }
      writeInt(out, g.hypes());
      for (Long v :
          new Long[] {
            g.cover(),
            g.gameType(),
            g.gameStatus(),
            g.parentGame(),
            g.versionParent(),
            g.franchise()
          }) {
        writeLong(out, v);
      }
      for (List<Long> v :
          List.of(
              nullable(g.genres()),
              nullable(g.themes()),
              nullable(g.keywords()),
              nullable(g.gameModes()),
              nullable(g.playerPerspectives()),
              nullable(g.platforms()),
              nullable(g.involvedCompanies()),
              nullable(g.franchises()),
              nullable(g.collections()),
              nullable(g.gameEngines()),
              nullable(g.similarGames()))) {
        if (v == ABSENT) {
          out.writeInt(-1);
        } else {
          out.writeInt(v.size());
          for (Long x : v) {
            out.writeLong(x == null ? Long.MIN_VALUE : x);
          }
        }
      }
      writeInt(out, g.category());
      writeInt(out, g.status());
      writeLong(out, g.collection());
    }
    out.flush();
    return bytes.toByteArray();
  }

  /** Stands for a null list (List.of takes no nulls). */
  private static final List<Long> ABSENT = new java.util.ArrayList<>();

  private static List<Long> nullable(List<Long> v) {
    return v == null ? ABSENT : v;
  }

  private static void writeLong(DataOutputStream out, Long v) throws IOException {
    out.writeBoolean(v != null);
    if (v != null) {
      out.writeLong(v);
    }
  }

  private static void writeInt(DataOutputStream out, Integer v) throws IOException {
    out.writeBoolean(v != null);
    if (v != null) {
      out.writeInt(v);
    }
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    if (s == null) {
      out.writeInt(-1);
      return;
    }
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static void writeLongs(DataOutputStream out, long[] v) throws IOException {
    if (v == null) {
      out.writeInt(-1);
      return;
    }
    out.writeInt(v.length);
    for (long x : v) {
      out.writeLong(x);
    }
  }
}
