package io.gamedata.platform;

import io.gamedata.contracts.topic.Topics;
import io.gamedata.platform.check.TopicCounter;
import io.gamedata.platform.supervisor.ComponentSpec;
import io.gamedata.platform.supervisor.Supervisor;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/** The local platform: which components run, in which order, and how to check them. */
public final class Stack implements AutoCloseable {

  private final PlatformLayout layout;
  private final Consumer<String> out;
  private final Supervisor supervisor;
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile boolean isClosed;

  public Stack(PlatformLayout layout, Consumer<String> out) throws IOException {
    this.layout = layout;
    this.out = out;
    this.supervisor =
        new Supervisor(layout.logDir(), System.getProperty("java.class.path"), out);
  }

  /** Starts every component in dependency order. */
  public void up(int games) throws IOException, InterruptedException {
    out.accept("platform: data in " + layout.dataDir() + ", logs in " + layout.logDir());
    step(
        "Kafka broker (KRaft, localhost:" + layout.kafkaPort() + ")",
        new ComponentSpec(
            "broker",
            List.of(
                "--data-dir=" + layout.kafkaDir(),
                "--port=" + layout.kafkaPort(),
                "--controller-port=" + layout.controllerPort()),
            "768m",
            Duration.ofSeconds(90)));
  }

  private void step(String what, ComponentSpec spec) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    out.accept("- starting " + what + " ...");
    supervisor.start(spec);
    out.accept(String.format("  %s ready in %.1f s", spec.name(), (System.nanoTime() - t0) / 1e9));
  }

  /** Per-stage live-game counts. */
  public Map<String, Long> counts() {
    TopicCounter counter = new TopicCounter(layout.bootstrapServers());
    Map<String, Long> c = new LinkedHashMap<>();
    c.put("raw (igdb.games)", counter.liveKeys(Topics.IGDB_GAMES.name(), Duration.ofMinutes(2)));
    return c;
  }

  /** Waits until every stage holds every game; prints the table; true when all agree. */
  public boolean check(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, Long> c = counts();
    while (System.nanoTime() < deadline && c.values().stream().distinct().count() != 1) {
      Thread.sleep(2000);
      c = counts();
    }
    out.accept(String.format("%-32s %10s", "stage", "games"));
    c.forEach((k, v) -> out.accept(String.format("%-32s %10d", k, v)));
    boolean ok = c.values().stream().distinct().count() == 1;
    out.accept(ok ? "CHECK OK: every stage has every game" : "CHECK FAILED: stages disagree");
    return ok;
  }

  public void printUrls() {
    out.accept("");
    out.accept("Kafka bootstrap:   " + layout.bootstrapServers());
    out.accept("Ctrl-C stops everything; ./platform up again resumes from " + layout.dataDir());
  }

  public void awaitShutdown() throws InterruptedException {
    closed.await();
  }

  @Override
  public synchronized void close() {
    if (isClosed) {
      return;
    }
    isClosed = true;
    out.accept("platform: stopping ...");
    supervisor.stopAll(Duration.ofSeconds(30));
    out.accept("platform: stopped");
    closed.countDown();
  }
}
