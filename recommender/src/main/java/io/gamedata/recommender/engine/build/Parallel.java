package io.gamedata.recommender.engine.build;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;

/** The engine's bulk work on several threads: builds, vectorisation, imports. */
public final class Parallel {

  private Parallel() {}

  /**
   * Runs {@code body(i)} for every i in {@code [0, n)} on {@code threads} daemon threads named
   * after {@code name}, one contiguous chunk each (on the calling thread when {@code threads} is
   * 1). A failure is rethrown as it is (a runtime exception or error) once every chunk ended.
   */
  public static void run(String name, int threads, int n, IntConsumer body) {
    if (threads <= 1) {
      for (int i = 0; i < n; i++) {
        body.accept(i);
      }
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemon(name));
    try {
      List<Future<?>> futures = new ArrayList<>();
      int chunk = (n + threads - 1) / threads;
      for (int t = 0; t < threads; t++) {
        int from = t * chunk;
        int to = Math.min(n, from + chunk);
        futures.add(
            pool.submit(
                () -> {
                  for (int i = from; i < to; i++) {
                    body.accept(i);
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(name + " interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(name + " failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Runs {@code body(i)} for i in {@code [0, n)} with at least {@code perThread} items a thread, on
   * at most {@code maxThreads} threads.
   */
  public static void range(String name, int maxThreads, int n, int perThread, IntConsumer body) {
    int threads = Math.max(1, Math.min(maxThreads, (n + perThread - 1) / perThread));
    run(name, threads, n, body);
  }

  /** Maps a list on at most {@code maxThreads} threads (one per 1,000 items), keeping the order. */
  public static <T, R> List<R> map(String name, int maxThreads, List<T> in, Function<T, R> f) {
    int threads = Math.max(1, Math.min(maxThreads, in.size() / 1000 + 1));
    @SuppressWarnings("unchecked")
    R[] out = (R[]) new Object[in.size()];
    run(name, threads, in.size(), i -> out[i] = f.apply(in.get(i)));
    return Arrays.asList(out);
  }

  /** A factory of daemon threads named {@code name-1}, {@code name-2}, ... */
  public static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
