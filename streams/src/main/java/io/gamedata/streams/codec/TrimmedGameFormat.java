package io.gamedata.streams.codec;

import io.gamedata.contracts.igdb.IgdbGame;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The trimmed source game inside a game state (see {@link
 * io.gamedata.streams.domain.GameVersions#trimmed}): its id, a presence mask of its nullable
 * numbers, those numbers (varints, zigzag; ratings as eight bytes), its strings, url, checksum and
 * id lists (step-coded). A url in IGDB's shape (the game page of the slug) is a mark, and a
 * checksum in IGDB's shape (a UUID) a mark and 16 bytes.
 */
final class TrimmedGameFormat {

  /** The page IGDB gives a game: {@code url} is this followed by {@code slug}. */
  static final String IGDB_GAME_URL = "https://www.igdb.com/games/";

  /** Marks of a url or checksum: absent, in its IGDB shape, or verbatim (length follows). */
  private static final int ABSENT = 0;

  private static final int SHAPED = 1;
  private static final int VERBATIM = 2;

  private TrimmedGameFormat() {}

  /** The strings written as they are, in order. */
  static String[] strings(IgdbGame g) {
    return new String[] {g.name(), g.slug(), g.summary(), g.storyline(), g.versionTitle()};
  }

  /** The id lists, in order. */
  static List<?>[] lists(IgdbGame g) {
    return new List<?>[] {
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
  }

  /** The most bytes {@link #write} takes (varints 10, a character 3). */
  static long maxBytes(IgdbGame g, String[] strings, List<?>[] lists) {
    long room = 40 + 20 * 10 + StateOut.maxBytes(g.url()) + StateOut.maxBytes(g.checksum());
    for (String v : strings) {
      room += StateOut.maxBytes(v);
    }
    for (List<?> v : lists) {
      room += 10 + (v == null ? 0 : 10L * v.size());
    }
    return room;
  }

  /**
   * Writes the game; {@code strings} and {@code lists} are its {@link #strings} and {@link #lists}.
   */
  @SuppressWarnings("unchecked")
  static void write(StateOut out, IgdbGame g, String[] strings, List<?>[] lists) {
    // runs of one type written in loops: fifty inlined writes made an earlier encoder the
    // largest method of ours the JIT compiled in a streams run (~0.9 s of C2 time cold)
    out.writeVarLong(StateOut.zigzag(g.id()));
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
        out.writeVarLong(StateOut.zigzag(v));
      }
    }
    for (Integer v : ints) {
      if (v != null) {
        out.writeVarLong(StateOut.zigzag(v));
      }
    }
    for (Double v : doubles) {
      if (v != null) {
        out.writeLong(Double.doubleToLongBits(v));
      }
    }
    for (String v : strings) {
      out.writeString(v);
    }
    writeUrl(out, g.url(), g.slug());
    writeChecksum(out, g.checksum());
    for (List<?> v : lists) {
      out.writeIdList((List<Long>) v);
    }
  }

  /** Reads a game {@link #write} wrote. */
  static IgdbGame read(StateIn in) {
    long id = StateIn.unzigzag(in.readVarLong());
    long present = in.readVarLong();
    Long[] longs = new Long[10];
    Integer[] ints = new Integer[6];
    Double[] doubles = new Double[3];
    int bit = 0;
    for (int i = 0; i < longs.length; i++) {
      longs[i] = (present & (1L << bit++)) != 0 ? StateIn.unzigzag(in.readVarLong()) : null;
    }
    for (int i = 0; i < ints.length; i++) {
      ints[i] =
          (present & (1L << bit++)) != 0
              ? Math.toIntExact(StateIn.unzigzag(in.readVarLong()))
              : null;
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
    return trimmedGame(
        id,
        new String[] {name, slug, summary, storyline, url, checksum, versionTitle},
        longs,
        ints,
        doubles,
        lists);
  }

  @SuppressWarnings("unchecked")
  private static List<Long>[] readLists(StateIn in, int n) {
    List<Long>[] lists = new List[n];
    for (int i = 0; i < n; i++) {
      lists[i] = in.readIdList();
    }
    return lists;
  }

  /**
   * A trimmed game from its decoded fields: {@code texts} name, slug, summary, storyline, url,
   * checksum, version title; {@code longs}, {@code ints}, {@code doubles} and {@code lists} in the
   * order {@link #write} writes them.
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

  private static void writeUrl(StateOut out, String url, String slug) {
    if (url == null) {
      out.writeVarLong(ABSENT);
    } else if (slug != null
        && url.length() == IGDB_GAME_URL.length() + slug.length()
        && url.startsWith(IGDB_GAME_URL)
        && url.endsWith(slug)) {
      out.writeVarLong(SHAPED);
    } else {
      out.writeMarked(VERBATIM, url);
    }
  }

  private static String readUrl(StateIn in, String slug) {
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
  private static void writeChecksum(StateOut out, String checksum) {
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
    out.writeMarked(VERBATIM, checksum);
  }

  private static String readChecksum(StateIn in) {
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
}
