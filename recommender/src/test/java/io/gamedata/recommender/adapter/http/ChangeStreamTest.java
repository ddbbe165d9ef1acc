package io.gamedata.recommender.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.http.HttpService;
import io.gamedata.recommender.browse.Change;
import io.gamedata.recommender.browse.ChangeFeed;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live feed as server-sent events, read by a plain HTTP client line by line. */
class ChangeStreamTest {

  final ChangeFeed feed = new ChangeFeed(64, Clock.systemUTC());
  final AtomicInteger games = new AtomicInteger(12);
  ChangeStream stream;
  HttpService server;
  final HttpClient client = HttpClient.newHttpClient();
  final List<InputStream> open = new ArrayList<>();

  @BeforeEach
  void start() {
    stream = new ChangeStream(feed, () -> Map.of("games", games.get()), 2);
    server =
        HttpService.builder("test")
            .bind("127.0.0.1", 0)
            .threads(2)
            .routes(r -> r.get("/changes", stream::handle))
            .start();
  }

  @AfterEach
  void stop() throws Exception {
    for (InputStream in : open) {
      in.close();
    }
    stream.close();
    server.close();
  }

  /** An open stream; its events as "event|id|data" strings. */
  final class Events {
    final HttpResponse<InputStream> response;
    final BufferedReader lines;

    Events(String lastEventId) throws Exception {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/changes"))
              .header("Accept", "text/event-stream")
              .timeout(Duration.ofSeconds(30));
      if (lastEventId != null) {
        b.header("Last-Event-ID", lastEventId);
      }
      response = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      open.add(response.body());
      lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    /** The next event (comments skipped). */
    String next() throws Exception {
      String event = "";
      String id = "";
      String data = "";
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isEmpty()) {
          if (!event.isEmpty() || !data.isEmpty()) {
            return event + "|" + id + "|" + data;
          }
        } else if (line.startsWith("event:")) {
          event = line.substring(6).trim();
        } else if (line.startsWith("id:")) {
          id = line.substring(3).trim();
        } else if (line.startsWith("data:")) {
          data = line.substring(5).trim();
        }
      }
      throw new AssertionError("stream ended");
    }
  }

  @Test
  void aClientGetsTheStatsTheRecentChangesThenEachNewOne() throws Exception {
    for (int i = 1; i <= 12; i++) {
      feed.add(Change.Kind.NEW, i, "Game " + i, i);
    }
    Events events = new Events(null);
    assertThat(events.response.statusCode()).isEqualTo(200);
    assertThat(events.response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/event-stream");
    assertThat(events.next()).isEqualTo("stats||{\"games\":12}");
    // the last ten, oldest first
    for (int i = 3; i <= 12; i++) {
      assertThat(events.next())
          .startsWith("change|" + i + "|{\"seq\":" + i + ",\"kind\":\"NEW\"")
          .endsWith(",\"replay\":true}"); // happened before it connected
    }
    games.set(13);
    feed.add(Change.Kind.CHANGED, 5, "Game 5 <b>Deluxe</b>", 13);
    String next = events.next();
    if (next.startsWith("stats")) { // the stats may go out first in the same round
      assertThat(next).isEqualTo("stats||{\"games\":13}");
      next = events.next();
    }
    assertThat(next)
        .startsWith("change|13|{\"seq\":13,\"kind\":\"CHANGED\",\"id\":5,")
        .contains("\"name\":\"Game 5 <b>Deluxe</b>\"", "\"games\":13")
        .doesNotContain("replay");
  }

  @Test
  void aRequestThatIsNotForAnEventStreamGetsAClearError() throws Exception {
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/changes"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(406);
    assertThat(r.body()).contains("Accept: text/event-stream");
  }

  @Test
  void aReconnectingClientGetsWhatItMissedAndTheCapHolds() throws Exception {
    for (int i = 1; i <= 20; i++) {
      feed.add(Change.Kind.NEW, i, "Game " + i, i);
    }
    Events resumed = new Events("17");
    assertThat(resumed.next()).startsWith("stats|");
    assertThat(resumed.next()).startsWith("change|18|").doesNotContain("replay");
    assertThat(resumed.next()).startsWith("change|19|");
    assertThat(resumed.next()).startsWith("change|20|");
    Events second = new Events("20");
    assertThat(second.next()).startsWith("stats|");
    org.awaitility.Awaitility.await().until(() -> stream.clients() == 2);
    HttpResponse<String> refused =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/changes"))
                .header("Accept", "text/event-stream")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.body()).contains("too many live connections");
    // a client that goes away frees its place, noticed when a write to it fails (TCP may take
    // the first one after the close)
    second.response.body().close();
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              feed.add(Change.Kind.CHANGED, 1, "Game 1", 20);
              return stream.clients() == 1;
            });
  }
}
