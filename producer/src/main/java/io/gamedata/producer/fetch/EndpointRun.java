package io.gamedata.producer.fetch;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.producer.client.RawRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One endpoint of a fetch run: publishes its pages (to Kafka and the raw copy), keeps its
 * checkpoint ({@link FetchState}, guarded by this object) and its bad ids.
 */
final class EndpointRun {

  private static final Logger LOG = LoggerFactory.getLogger(BulkFetcher.class);

  final IgdbEndpoint endpoint;
  final FetchState state;
  private final FetchContext ctx;
  private final Object saveLock = new Object();

  EndpointRun(FetchContext ctx, IgdbEndpoint endpoint, FetchState state) {
    this.ctx = ctx;
    this.endpoint = endpoint;
    this.state = state;
  }

  /** Publishes a page and waits until every record is acknowledged. */
  void publishPage(List<RawRecord> page) {
    send(page).run();
  }

  /**
   * Sends a page to Kafka (and the raw copy); the returned step waits for every acknowledgement and
   * counts the page. Several pages can be sent before their acknowledgements are awaited.
   */
  Runnable send(List<RawRecord> page) {
    if (page.isEmpty()) {
      return () -> {};
    }
    List<byte[]> jsons = new ArrayList<>(page.size());
    CompletableFuture<?>[] fs = new CompletableFuture<?>[page.size()];
    long bytes = 0;
    for (int i = 0; i < page.size(); i++) {
      RawRecord r = page.get(i);
      fs[i] = ctx.sink.publish(endpoint, r.id(), r.json());
      jsons.add(r.json());
      bytes += r.json().length;
    }
    ctx.raw.ifPresent(w -> w.write(endpoint, jsons));
    long pageBytes = bytes;
    return () -> {
      try {
        CompletableFuture.allOf(fs).get(10, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while publishing " + endpoint.path(), e);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException(
            "Kafka did not acknowledge records of " + endpoint.path() + ": " + e.getCause(), e);
      }
      ctx.stats.add(endpoint, page.size(), pageBytes);
      ctx.stats.pages.increment();
      synchronized (this) {
        state.recordsPublished += page.size();
      }
    };
  }

  void badId(BadId b) {
    synchronized (this) {
      state.badIds.add(b);
    }
    save();
    LOG.error(
        "Bad id {}/{}: IGDB keeps failing it (HTTP {}); recorded, fetch goes on",
        b.endpoint(),
        b.id(),
        b.status());
  }

  /** The cursors of the ranges not done yet. */
  List<RangeCursor> openRanges() {
    List<RangeCursor> out = new ArrayList<>();
    synchronized (this) {
      for (int i = 0; i < state.ranges.size(); i++) {
        if (!state.ranges.get(i).done) {
          out.add(new RangeCursor(ctx, this, i));
        }
      }
    }
    return out;
  }

  /** Writes the checkpoint; ranges are read under this run's lock, written outside it. */
  void save() {
    synchronized (saveLock) {
      String json;
      synchronized (this) {
        json = FetchContext.json(endpoint.path(), state);
      }
      ctx.state.put(FetchContext.stateKey(endpoint), json);
    }
  }
}
