package io.gamedata.recommender.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gamedata.contracts.json.Json;
import io.gamedata.http.EventStream;
import io.gamedata.http.Exchange;
import io.gamedata.http.HttpError;
import io.gamedata.recommender.browse.Change;
import io.gamedata.recommender.browse.ChangeFeed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/changes}: the change feed as server-sent events, for the page's live panel.
 *
 * <ul>
 *   <li>{@code event: change}, {@code id: <seq>}, data {@code {"seq", "kind": NEW|CHANGED|DELETED,
 *       "id", "name", "at" (epoch ms), "games"}}: each change as it is applied. A new client first
 *       gets the last {@value #REPLAY} changes, marked {@code "replay": true}; a reconnecting one
 *       (its {@code Last-Event-ID}) what it missed, as far as the feed still holds it;
 *   <li>{@code event: stats}, data as {@code /api/stats}: on connecting, then when it changed, at
 *       most every {@value #STATS_EVERY_MS} ms;
 *   <li>a comment every {@value #KEEPALIVE_MS} ms keeps idle connections open.
 * </ul>
 *
 * One thread writes to every client; a connection does not hold a request thread. A request without
 * {@code Accept: text/event-stream} gets 406; above {@code maxClients} connections a new one gets
 * 503.
 */
final class ChangeStream implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChangeStream.class);
  static final int REPLAY = 10;
  static final int MAX_PER_ROUND = 50;
  static final long STATS_EVERY_MS = 2_000;
  static final long KEEPALIVE_MS = 15_000;

  private final ChangeFeed feed;
  private final Supplier<Map<String, Object>> stats;
  private final int maxClients;
  private final ObjectMapper json = Json.mapper();
  private final Map<EventStream, Client> clients = new ConcurrentHashMap<>();
  private final Thread writer;
  private volatile boolean running = true;

  /**
   * One connection: the last change it was sent; the changes up to {@code replayUntil} happened
   * before it connected (a new client's replay, marked {@code "replay": true}).
   */
  private static final class Client {
    final EventStream sse;
    final long replayUntil;
    long seq;
    boolean fresh = true;

    Client(EventStream sse, long seq, long replayUntil) {
      this.sse = sse;
      this.seq = seq;
      this.replayUntil = replayUntil;
    }
  }

  ChangeStream(ChangeFeed feed, Supplier<Map<String, Object>> stats, int maxClients) {
    this.feed = feed;
    this.stats = stats;
    this.maxClients = maxClients;
    this.writer = new Thread(this::run, "recommender-changes");
    writer.setDaemon(true);
    writer.start();
  }

  /** The GET handler: 406 unless asked for an event stream, 503 when full, else the stream. */
  void handle(Exchange ctx) {
    String accept = ctx.header("Accept");
    if (accept == null || !accept.contains("text/event-stream")) {
      throw new HttpError(
          406, "this is a server-sent event stream: ask with Accept: text/event-stream", "Accept");
    }
    if (clients.size() >= maxClients) {
      throw new HttpError(
          503, "too many live connections (" + maxClients + "); try again later", null);
    }
    if (ctx.method().equals("HEAD")) {
      return; // the headers of an empty answer
    }
    long now = feed.lastSeq();
    long seq = now - REPLAY;
    long replayUntil = now;
    String last = ctx.header("Last-Event-ID");
    if (last != null) {
      try {
        seq = Long.parseLong(last.trim());
        replayUntil = 0; // a reconnecting client missed these: news to it
      } catch (NumberFormatException e) {
        // not one of ours: the replay of a new client
      }
    }
    ctx.header("X-Accel-Buffering", "no"); // a proxy in front must not buffer the stream
    EventStream stream = ctx.eventStream();
    clients.put(stream, new Client(stream, Math.max(0, seq), replayUntil));
  }

  /** Clients connected now. */
  int clients() {
    return clients.size();
  }

  private void run() {
    long lastStats = 0;
    long lastKeepAlive = System.currentTimeMillis();
    Map<String, Object> sentStats = Map.of();
    long seen = feed.lastSeq();
    while (running) {
      try {
        // wakes on a new change at once; otherwise a few times a second for new clients
        seen = feed.awaitAfter(seen, 200);
      } catch (InterruptedException e) {
        return;
      }
      if (clients.isEmpty()) {
        continue;
      }
      long now = System.currentTimeMillis();
      Map<String, Object> current = null;
      if (now - lastStats >= STATS_EVERY_MS) {
        current = new LinkedHashMap<>(stats.get());
        lastStats = now;
      }
      boolean statsChanged = current != null && !Objects.equals(current, sentStats);
      boolean keepAlive = now - lastKeepAlive >= KEEPALIVE_MS;
      for (Client c : clients.values()) {
        try {
          send(c, current, statsChanged, keepAlive);
        } catch (RuntimeException e) {
          LOG.warn("live client dropped: {}", e.toString());
          clients.remove(c.sse);
          c.sse.close();
        }
      }
      if (statsChanged) {
        sentStats = current;
      }
      if (keepAlive) {
        lastKeepAlive = now;
      }
    }
  }

  private void send(Client c, Map<String, Object> stats, boolean statsChanged, boolean keepAlive) {
    boolean open = true;
    if (c.fresh) {
      open = c.sse.event("stats", null, write(stats != null ? stats : this.stats.get()));
      c.fresh = false;
    } else if (statsChanged) {
      open = c.sse.event("stats", null, write(stats));
    }
    List<Change> changes = feed.since(c.seq, MAX_PER_ROUND);
    for (int i = 0; i < changes.size() && open; i++) {
      Change ch = changes.get(i);
      open = c.sse.event("change", Long.toString(ch.seq()), write(event(ch, c.replayUntil)));
      c.seq = ch.seq();
    }
    if (open && keepAlive && changes.isEmpty()) {
      open = c.sse.comment("keep-alive");
    }
    if (!open) {
      clients.remove(c.sse); // it went away
    }
  }

  private static Map<String, Object> event(Change c, long replayUntil) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", c.seq());
    m.put("kind", c.kind().name());
    m.put("id", c.id());
    m.put("name", c.name());
    m.put("at", c.atMillis());
    m.put("games", c.games());
    if (c.seq() <= replayUntil) {
      m.put("replay", true);
    }
    return m;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Closes every stream and stops the writer (before the server stops: open streams hold it). */
  @Override
  public void close() {
    running = false;
    writer.interrupt();
    try {
      writer.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    clients.keySet().forEach(EventStream::close);
    clients.clear();
  }
}
