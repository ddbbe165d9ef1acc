package io.gamedata.bench;

import io.gamedata.contracts.change.GameChangeEvent;
import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.json.EnrichedGameWriter;
import io.gamedata.contracts.json.GameChangeEventWriter;
import io.gamedata.contracts.json.IgdbGameReader;
import io.gamedata.contracts.json.Json;
import io.gamedata.simulator.catalog.SyntheticCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench/run json-codecs [--games N] [--rounds R]}: the hand-written JSON codecs of the
 * contracts module against {@code Json.mapper()} databind, single-threaded, on the same records in
 * the same run: raw games of the synthetic catalogue read ({@link IgdbGameReader#read} vs {@code
 * readValue}, and {@link IgdbGameReader#readTrimmed} vs {@code readValue} + trim, which is what the
 * streams app does), enriched documents of {@link EnrichedGameGenerator} and change events written.
 * Each pass is timed after a warm-up; the best of R rounds counts.
 *
 * <p>Prints {@code BENCH json-codecs games=<n> reader_ratio=<r> trimmed_reader_ratio=<t>
 * enriched_writer_ratio=<e> change_writer_ratio=<c> ...} with ratio = databind time / hand-written
 * time, plus ns per record of each side.
 */
public final class JsonCodecsBench {

  private JsonCodecsBench() {}

  /** One timed pass over every record; returns a checksum so that nothing is optimised away. */
  private interface Pass {
    long run() throws Exception;
  }

  private static long sink;

  public static void main(String[] args) throws Exception {
    BenchArgs a = new BenchArgs(args);
    int games = a.integer("games", SyntheticCatalog.DEFAULT_GAMES);
    int rounds = a.integer("rounds", 5);

    long t0 = System.nanoTime();
    List<IgdbGame> catalog = SyntheticCatalog.generate(games).games();
    List<byte[]> raw = new ArrayList<>(catalog.size());
    long rawBytes = 0;
    for (IgdbGame g : catalog) {
      byte[] b = Json.mapper().writeValueAsBytes(g);
      raw.add(b);
      rawBytes += b.length;
    }
    catalog = null;
    List<EnrichedGame> docs = new ArrayList<>(games);
    List<GameChangeEvent> events = new ArrayList<>(games);
    GameChangeEvent.Operation[] ops = GameChangeEvent.Operation.values();
    for (int i = 0; i < games; i++) {
      EnrichedGame doc = EnrichedGameGenerator.game(i + 1, 7);
      docs.add(doc);
      GameChangeEvent.Operation op = ops[i % ops.length];
      events.add(
          GameChangeEvent.of(
              doc.id(),
              op,
              op == GameChangeEvent.Operation.UPDATED
                  ? List.of("name", "genres", "rating")
                  : op == GameChangeEvent.Operation.CREATED
                      ? List.of("name", "slug", "genres", "platforms", "created_at")
                      : List.of(),
              op == GameChangeEvent.Operation.DELETED ? null : doc.updatedAt(),
              op == GameChangeEvent.Operation.DELETED ? null : "c" + Long.toHexString(i * 31L),
              op == GameChangeEvent.Operation.CREATED ? null : "p" + Long.toHexString(i * 17L)));
    }
    System.out.printf(
        Locale.ROOT,
        "prepared %,d raw games (%.0f bytes avg), %,d documents and events in %.1f s%n",
        raw.size(),
        (double) rawBytes / raw.size(),
        docs.size(),
        (System.nanoTime() - t0) / 1e9);

    Pass readDatabind =
        () -> {
          long s = 0;
          for (byte[] b : raw) {
            s += Json.mapper().readValue(b, IgdbGame.class).id();
          }
          return s;
        };
    Pass readHand =
        () -> {
          long s = 0;
          for (byte[] b : raw) {
            s += IgdbGameReader.read(b).id();
          }
          return s;
        };
    Pass trimmedDatabind =
        () -> {
          long s = 0;
          for (byte[] b : raw) {
            s += IgdbGameReader.trim(Json.mapper().readValue(b, IgdbGame.class)).id();
          }
          return s;
        };
    Pass trimmedHand =
        () -> {
          long s = 0;
          for (byte[] b : raw) {
            s += IgdbGameReader.readTrimmed(b).id();
          }
          return s;
        };
    Pass enrichedDatabind =
        () -> {
          long s = 0;
          for (EnrichedGame d : docs) {
            s += Json.mapper().writeValueAsBytes(d).length;
          }
          return s;
        };
    Pass enrichedHand =
        () -> {
          long s = 0;
          for (EnrichedGame d : docs) {
            s += EnrichedGameWriter.write(d).length;
          }
          return s;
        };
    Pass changeDatabind =
        () -> {
          long s = 0;
          for (GameChangeEvent e : events) {
            s += Json.mapper().writeValueAsBytes(e).length;
          }
          return s;
        };
    Pass changeHand =
        () -> {
          long s = 0;
          for (GameChangeEvent e : events) {
            s += GameChangeEventWriter.write(e).length;
          }
          return s;
        };

    String[] names = {
      "read_databind", "read_hand", "trimmed_databind", "trimmed_hand",
      "enriched_databind", "enriched_hand", "change_databind", "change_hand"
    };
    Pass[] passes = {
      readDatabind, readHand, trimmedDatabind, trimmedHand,
      enrichedDatabind, enrichedHand, changeDatabind, changeHand
    };
    int[] sizes = {games, games, games, games, games, games, games, games};
    // warm-up: one pass of each, then rounds of interleaved passes, best round per pass
    for (Pass p : passes) {
      sink += p.run();
    }
    double[] best = new double[passes.length];
    java.util.Arrays.fill(best, Double.MAX_VALUE);
    for (int r = 0; r < rounds; r++) {
      StringBuilder line = new StringBuilder("round " + (r + 1) + ":");
      for (int i = 0; i < passes.length; i++) {
        long start = System.nanoTime();
        sink += passes[i].run();
        double ns = (double) (System.nanoTime() - start) / sizes[i];
        best[i] = Math.min(best[i], ns);
        line.append(String.format(Locale.ROOT, " %s=%.0fns", names[i], ns));
      }
      System.out.println(line);
    }
    if (sink == 42) {
      System.out.println("(checksum " + sink + ")");
    }
    System.out.printf(
        Locale.ROOT,
        "BENCH json-codecs games=%d reader_ratio=%.2f trimmed_reader_ratio=%.2f"
            + " enriched_writer_ratio=%.2f change_writer_ratio=%.2f"
            + " read_databind_ns=%.0f read_hand_ns=%.0f trimmed_databind_ns=%.0f"
            + " trimmed_hand_ns=%.0f enriched_databind_ns=%.0f enriched_hand_ns=%.0f"
            + " change_databind_ns=%.0f change_hand_ns=%.0f%n",
        games,
        best[0] / best[1],
        best[2] / best[3],
        best[4] / best[5],
        best[6] / best[7],
        best[0],
        best[1],
        best[2],
        best[3],
        best[4],
        best[5],
        best[6],
        best[7]);
  }
}
