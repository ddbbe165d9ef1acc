package io.gamedata.simulator.live;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.simulator.catalog.Catalog;
import io.gamedata.simulator.catalog.GameFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Changes the catalogue's games as IGDB does: new games, content updates, deletes and "touches"
 * that move only {@code updated_at} (the dominant kind). Runs at a rate in the background ({@link
 * #start}) and on demand ({@link #apply}). Every change goes through {@link Catalog#put} / {@link
 * Catalog#remove}, so it is visible to {@code updated_at} polling and fires webhooks.
 */
public final class LiveFeed implements AutoCloseable {

  /** Share of each kind of change in the background feed. */
  public record Mix(double creates, double updates, double deletes, double touches) {
    /** Mostly touches, as IGDB: 60 % touches, 25 % updates, 12 % new games, 3 % deletes. */
    public static final Mix DEFAULT = new Mix(0.12, 0.25, 0.03, 0.60);
  }

  /** What one {@link #apply} call did. */
  public record Applied(
      List<Long> created, List<Long> updated, List<Long> deleted, List<Long> touched) {}

  private final Catalog catalog;
  private final GameFactory factory;
  private final Clock clock;
  private final SplittableRandom rng;
  private ScheduledExecutorService scheduler;

  public LiveFeed(Catalog catalog, Clock clock, long seed) {
    this.catalog = catalog;
    this.factory = catalog.gameFactory().orElseGet(() -> new CopyingGameFactory());
    this.clock = clock;
    this.rng = new SplittableRandom(seed);
  }

  /** Starts the background feed at {@code changesPerSecond} (ticks 10 times a second). */
  public synchronized void start(double changesPerSecond, Mix mix) {
    if (changesPerSecond <= 0) {
      return;
    }
    stop();
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "igdb-simulator-live");
              t.setDaemon(true);
              return t;
            });
    double perTick = changesPerSecond / 10.0;
    double[] carry = {0};
    scheduler.scheduleAtFixedRate(
        () -> {
          carry[0] += perTick;
          int n = (int) carry[0];
          carry[0] -= n;
          int c = 0;
          int u = 0;
          int d = 0;
          int t = 0;
          synchronized (this) {
            for (int i = 0; i < n; i++) {
              double x = rng.nextDouble() * (mix.creates + mix.updates + mix.deletes + mix.touches);
              if ((x -= mix.creates) < 0) {
                c++;
              } else if ((x -= mix.updates) < 0) {
                u++;
              } else if ((x -= mix.deletes) < 0) {
                d++;
              } else {
                t++;
              }
            }
          }
          apply(c, u, d, t);
        },
        100,
        100,
        TimeUnit.MILLISECONDS);
  }

  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      try {
        scheduler.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      scheduler = null;
    }
  }

  /** Applies the given numbers of changes now, to random existing games. */
  public synchronized Applied apply(int creates, int updates, int deletes, int touches) {
    long now = clock.millis() / 1000;
    List<Long> created = new ArrayList<>();
    List<Long> updated = new ArrayList<>();
    List<Long> deleted = new ArrayList<>();
    List<Long> touched = new ArrayList<>();
    for (int i = 0; i < creates; i++) {
      GameFactory.NewGame ng = factory.newGame(catalog, now, rng);
      if (ng.cover() != null) {
        catalog.put(IgdbEndpoint.COVERS, ng.cover());
      }
      ng.involvedCompanies().forEach(ic -> catalog.put(IgdbEndpoint.INVOLVED_COMPANIES, ic));
      catalog.put(IgdbEndpoint.GAMES, ng.game());
      created.add(ng.game().id());
    }
    for (int i = 0; i < updates; i++) {
      IgdbGame g = randomGame();
      if (g != null) {
        catalog.put(IgdbEndpoint.GAMES, factory.update(g, Math.max(now, later(g)), rng));
        updated.add(g.id());
      }
    }
    for (int i = 0; i < touches; i++) {
      IgdbGame g = randomGame();
      if (g != null) {
        catalog.put(IgdbEndpoint.GAMES, g.withUpdatedAt(Math.max(now, later(g))));
        touched.add(g.id());
      }
    }
    for (int i = 0; i < deletes; i++) {
      IgdbGame g = randomGame();
      if (g != null && catalog.remove(IgdbEndpoint.GAMES, g.id()).isPresent()) {
        deleted.add(g.id());
      }
    }
    return new Applied(created, updated, deleted, touched);
  }

  private static long later(IgdbGame g) {
    return g.updatedAt() == null ? 0 : g.updatedAt() + 1;
  }

  private IgdbGame randomGame() {
    NavigableMap<Long, IgdbRecord> games = catalog.view(IgdbEndpoint.GAMES);
    if (games.isEmpty()) {
      return null;
    }
    long lo = games.firstKey();
    long hi = games.lastKey();
    long pick = lo + (long) (rng.nextDouble() * (hi - lo + 1));
    Map.Entry<Long, IgdbRecord> e = games.ceilingEntry(pick);
    return (IgdbGame) (e == null ? games.lastEntry().getValue() : e.getValue());
  }

  @Override
  public void close() {
    stop();
  }
}
