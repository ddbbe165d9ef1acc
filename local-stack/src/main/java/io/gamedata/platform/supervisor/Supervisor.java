package io.gamedata.platform.supervisor;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs each component of the local platform as its own JVM process (same class path), waits for its
 * {@code READY <name>} line, restarts a component that dies unexpectedly, and stops them all in
 * reverse order with SIGTERM (then SIGKILL after a grace period). Each component's output goes to
 * {@code <log dir>/<name>.log}.
 */
public final class Supervisor implements AutoCloseable {

  private final Path logDir;
  private final String classpath;
  private final Consumer<String> out;
  private final Map<String, Running> running = new LinkedHashMap<>();
  private volatile boolean stopping;
  private final Thread watcher;

  private static final class Running {
    final ComponentSpec spec;
    volatile Process process;
    int restarts;

    Running(ComponentSpec spec, Process process) {
      this.spec = spec;
      this.process = process;
    }
  }

  public Supervisor(Path logDir, String classpath, Consumer<String> out) throws IOException {
    this.logDir = Files.createDirectories(logDir);
    this.classpath = classpath;
    this.out = out;
    this.watcher = new Thread(this::watch, "supervisor-watch");
    this.watcher.setDaemon(true);
    this.watcher.start();
  }

  /** Starts a component and waits until it is ready; throws with the end of its log otherwise. */
  public void start(ComponentSpec spec) throws IOException, InterruptedException {
    startAll(List.of(spec));
  }

  /**
   * Starts several independent components at once and waits until all are ready; when one fails,
   * the others are stopped and the first failure is thrown.
   */
  public void startAll(List<ComponentSpec> specs) throws IOException, InterruptedException {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(specs.size());
    try {
      List<java.util.concurrent.Future<Process>> futures = new ArrayList<>();
      for (ComponentSpec spec : specs) {
        futures.add(pool.submit(() -> spawnAndAwaitReady(spec)));
      }
      Exception failure = null;
      for (int i = 0; i < specs.size(); i++) {
        try {
          Process p = futures.get(i).get();
          synchronized (this) {
            running.put(specs.get(i).name(), new Running(specs.get(i), p));
          }
        } catch (java.util.concurrent.ExecutionException e) {
          failure = failure == null ? (Exception) e.getCause() : failure;
        }
      }
      if (failure instanceof IOException io) {
        throw io;
      }
      if (failure != null) {
        throw (RuntimeException) failure;
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The process of a running component (for tests and the demo's "kill one" drill). */
  public synchronized Process process(String name) {
    Running r = running.get(name);
    return r == null ? null : r.process;
  }

  public synchronized List<String> names() {
    return new ArrayList<>(running.keySet());
  }

  private Process spawnAndAwaitReady(ComponentSpec spec) throws IOException, InterruptedException {
    Path log = logDir.resolve(spec.name() + ".log");
    long offset = Files.exists(log) ? Files.size(log) : 0;
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx" + spec.maxHeap());
    cmd.add(
        "-XX:+UseSerialGC".equals(System.getenv("PLATFORM_GC"))
            ? "-XX:+UseSerialGC"
            : "-XX:+UseG1GC");
    cmd.add("-Dlog4j2.configurationFile=platform-log4j2.properties");
    cmd.add("-cp");
    cmd.add(classpath);
    cmd.add("io.gamedata.platform.component.ComponentMain");
    cmd.add(spec.name());
    cmd.addAll(spec.args());
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().putAll(spec.env());
    Process p = pb.start();
    long deadline = System.nanoTime() + spec.readyTimeout().toNanos();
    String ready = "READY " + spec.name();
    while (System.nanoTime() < deadline) {
      if (logContains(log, offset, ready)) {
        return p;
      }
      if (!p.isAlive()) {
        throw new IllegalStateException(
            spec.name()
                + " exited with code "
                + p.exitValue()
                + " during start-up:\n"
                + tail(log, offset));
      }
      Thread.sleep(100);
    }
    p.destroyForcibly();
    throw new IllegalStateException(
        spec.name()
            + " not ready after "
            + spec.readyTimeout().toSeconds()
            + " s:\n"
            + tail(log, offset));
  }

  private static boolean logContains(Path log, long offset, String needle) throws IOException {
    if (!Files.exists(log)) {
      return false;
    }
    return read(log, offset).contains(needle);
  }

  private static String read(Path log, long offset) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
      long len = f.length() - offset;
      if (len <= 0) {
        return "";
      }
      byte[] buf = new byte[(int) Math.min(len, 4 << 20)];
      f.seek(Math.max(offset, f.length() - buf.length));
      f.readFully(buf);
      return new String(buf, StandardCharsets.UTF_8);
    }
  }

  private static String tail(Path log, long offset) throws IOException {
    String s = read(log, offset);
    String[] lines = s.split("\n");
    int from = Math.max(0, lines.length - 30);
    return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
  }

  private void watch() {
    while (!stopping) {
      try {
        Thread.sleep(500);
        List<Running> dead = new ArrayList<>();
        synchronized (this) {
          for (Running r : running.values()) {
            if (!r.process.isAlive() && !stopping) {
              dead.add(r);
            }
          }
        }
        for (Running r : dead) {
          restart(r);
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        out.accept("supervisor: " + e.getMessage());
      }
    }
  }

  private void restart(Running r) throws InterruptedException {
    int code = r.process.exitValue();
    r.restarts++;
    out.accept(
        String.format(
            "! %s exited (code %d); restarting it (restart #%d)", r.spec.name(), code, r.restarts));
    Thread.sleep(Math.min(10_000, 500L * r.restarts));
    try {
      synchronized (this) {
        if (stopping) {
          return;
        }
        r.process = spawnAndAwaitReady(r.spec);
      }
      out.accept("  " + r.spec.name() + " is back");
    } catch (IOException | IllegalStateException e) {
      out.accept("! could not restart " + r.spec.name() + ": " + e.getMessage());
    }
  }

  /** Stops every component, last started first: SIGTERM, then SIGKILL after {@code grace}. */
  public void stopAll(Duration grace) {
    stopping = true;
    watcher.interrupt();
    List<Running> order;
    synchronized (this) {
      order = new ArrayList<>(running.values());
    }
    java.util.Collections.reverse(order);
    for (Running r : order) {
      Process p = r.process;
      if (p.isAlive()) {
        out.accept("  stopping " + r.spec.name());
        p.destroy();
        try {
          if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            out.accept("  " + r.spec.name() + " did not stop in time; killing it");
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
          }
        } catch (InterruptedException e) {
          p.destroyForcibly();
          Thread.currentThread().interrupt();
        }
      }
    }
    synchronized (this) {
      running.clear();
    }
  }

  @Override
  public void close() {
    stopAll(Duration.ofSeconds(30));
  }
}
