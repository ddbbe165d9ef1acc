package io.gamedata.bench;

import io.gamedata.contracts.igdb.IgdbCover;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.igdb.IgdbInvolvedCompany;
import io.gamedata.contracts.igdb.IgdbNamed;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.contracts.json.Json;
import io.gamedata.contracts.json.JsonSerde;
import io.gamedata.simulator.catalog.Catalog;
import io.gamedata.simulator.catalog.SyntheticCatalog;
import io.gamedata.streams.domain.InvolvedCompanyLink;
import io.gamedata.streams.domain.Reference;
import io.gamedata.streams.domain.ReferenceLookup;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench/run streams-game-path [--games N] [--passes P]}: the streams application's work per
 * game without Kafka (see {@link GamePathProbe}: read, validate, enrich, hash, index, encode the
 * state, write the document and the event), single-threaded, against the passthrough's transform of
 * {@code streams-throughput} (databind read and write of the same raw game) in the same run. The
 * first pass of each is cold (as in a cold {@code streams-throughput} run, where our code starts
 * interpreted); the later passes are warm (their median counts). Far less noisy than the end-to-end
 * benchmark, so it shows changes to the game path that the machine's noise hides there.
 *
 * <p>Prints {@code BENCH streams-game-path games=<n> path_cold_ns=<c> path_warm_ns=<w>
 * passthrough_cold_ns=<pc> passthrough_warm_ns=<pw> ratio_cold=<pc/c> ratio_warm=<pw/w>} (ns per
 * game; ratio > 1 means the game path is faster than the passthrough's transform).
 */
public final class StreamsGamePathBench {

  private StreamsGamePathBench() {}

  public static void main(String[] args) throws Exception {
    BenchArgs a = new BenchArgs(args);
    int games = a.integer("games", SyntheticCatalog.DEFAULT_GAMES);
    int passes = Math.max(2, a.integer("passes", 5));
    Catalog catalog = SyntheticCatalog.generate(games);
    GamePathProbe probe = new GamePathProbe(lookup(catalog));
    List<IgdbGame> list = catalog.games();
    byte[][] raw = new byte[list.size()][];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = Json.mapper().writeValueAsBytes(list.get(i));
    }
    list = null;
    JsonSerde<IgdbGame> serde = new JsonSerde<>(IgdbGame.class);
    double[] path = new double[passes];
    double[] pass = new double[passes];
    long sink = 0;
    for (int p = 0; p < passes; p++) {
      probe.reset();
      long t0 = System.nanoTime();
      for (byte[] r : raw) {
        sink += probe.process(r);
      }
      path[p] = (System.nanoTime() - t0) / (double) raw.length;
      t0 = System.nanoTime();
      for (byte[] r : raw) {
        sink += serde.toBytes(serde.fromBytes(r)).length;
      }
      pass[p] = (System.nanoTime() - t0) / (double) raw.length;
      System.out.printf(
          "pass %d: game path %.0f ns/game, passthrough transform %.0f ns/game%n",
          p, path[p], pass[p]);
    }
    double pathWarm = median(Arrays.copyOfRange(path, 1, passes));
    double passWarm = median(Arrays.copyOfRange(pass, 1, passes));
    System.out.printf("(checksum %d)%n", sink);
    System.out.printf(
        "BENCH streams-game-path games=%d path_cold_ns=%.0f path_warm_ns=%.0f"
            + " passthrough_cold_ns=%.0f passthrough_warm_ns=%.0f ratio_cold=%.2f ratio_warm=%.2f%n",
        raw.length, path[0], pathWarm, pass[0], passWarm, pass[0] / path[0], passWarm / pathWarm);
  }

  /** The catalogue's references as the game tasks see them once loaded (plain maps). */
  private static ReferenceLookup lookup(Catalog c) {
    Map<Long, String> names = new HashMap<>();
    Map<Long, InvolvedCompanyLink> involved = new HashMap<>();
    Map<Long, String> covers = new HashMap<>();
    for (IgdbEndpoint e : IgdbEndpoint.references()) {
      for (IgdbRecord r : c.records(e)) {
        if (r instanceof IgdbNamed n) {
          names.put(Reference.of(e, r.id()).packed(), n.name());
        } else if (r instanceof IgdbCover cover) {
          covers.put(r.id(), cover.imageId());
        } else if (r instanceof IgdbInvolvedCompany ic && ic.company() != null) {
          involved.put(
              r.id(),
              new InvolvedCompanyLink(
                  ic.company(),
                  Boolean.TRUE.equals(ic.developer()),
                  Boolean.TRUE.equals(ic.publisher())));
        }
      }
    }
    return new ReferenceLookup() {
      @Override
      public String name(IgdbEndpoint endpoint, long id) {
        return names.get(Reference.of(endpoint, id).packed());
      }

      @Override
      public InvolvedCompanyLink involvedCompany(long id) {
        return involved.get(id);
      }

      @Override
      public String coverImageId(long id) {
        return covers.get(id);
      }
    };
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }
}
