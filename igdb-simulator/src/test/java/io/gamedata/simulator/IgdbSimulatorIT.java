package io.gamedata.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.simulator.catalog.Catalog;
import io.gamedata.simulator.catalog.CatalogLoader;
import io.gamedata.simulator.catalog.SyntheticCatalog;
import io.gamedata.simulator.fault.Faults;
import io.gamedata.simulator.live.LiveFeed;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IgdbSimulatorIT {

  static final Catalog SMALL = SyntheticCatalog.generate(3_000, 11);
  final List<AutoCloseable> closeables = new ArrayList<>();

  @AfterEach
  void cleanUp() throws Exception {
    for (AutoCloseable c : closeables) {
      c.close();
    }
  }

  IgdbSimulator start(IgdbSimulator.Builder b) {
    IgdbSimulator sim = b.build().start();
    closeables.add(sim);
    return sim;
  }

  IgdbSimulator unlimited(Catalog c) {
    return start(IgdbSimulator.builder().catalog(c).rateLimit(0).maxOpenRequests(0));
  }

  @Test
  void tokenAndAuthFailures() {
    IgdbSimulator sim = unlimited(SMALL);
    SimClient c = new SimClient(sim);
    HttpResponse<String> bad =
        c.post(
            sim.tokenUrl()
                + "?client_id="
                + sim.clientId()
                + "&client_secret=nope"
                + "&grant_type=client_credentials",
            "",
            false);
    assertThat(bad.statusCode()).isEqualTo(403);
    HttpResponse<String> form =
        c.post(
            sim.tokenUrl(),
            "client_id="
                + sim.clientId()
                + "&client_secret="
                + sim.clientSecret()
                + "&grant_type=client_credentials",
            false);
    assertThat(form.statusCode()).isEqualTo(200);
    JsonNode t = SimClient.json(form.body());
    assertThat(t.get("token_type").asText()).isEqualTo("bearer");
    assertThat(t.get("expires_in").asLong()).isGreaterThan(4_000_000);

    c.token = "wrong";
    assertThat(c.query("games", "fields id;").statusCode()).isEqualTo(401);
    c.login();
    assertThat(c.query("games", "fields id;").statusCode()).isEqualTo(200);
    sim.revokeToken(c.token);
    assertThat(c.query("games", "fields id;").statusCode()).isEqualTo(401);
    c.login();
    sim.expireTokens();
    HttpResponse<String> expired = c.query("games", "fields id;");
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(expired.body()).contains("Authorization Failure");
    c.login();
    // a wrong Client-ID with a good token is refused too
    HttpResponse<String> wrongClient =
        c.send(
            c.authed(sim.apiUrl() + "/games")
                .setHeader("Client-ID", "someone-else")
                .POST(HttpRequest.BodyPublishers.ofString("fields id;"))
                .build());
    assertThat(wrongClient.statusCode()).isEqualTo(401);
    // admin endpoint expires tokens too
    c.post(sim.baseUrl() + "/admin/tokens/expire", "", false);
    assertThat(c.query("games", "fields id;").statusCode()).isEqualTo(401);
  }

  @Test
  void injectedStormsAndFailingIdsFromTheAdminEndpoints() {
    IgdbSimulator sim = unlimited(SMALL);
    SimClient c = new SimClient(sim).login();
    sim.failNext(2, 429);
    assertThat(c.query("games", "fields id;").statusCode()).isEqualTo(429);
    assertThat(c.query("games", "fields id;").statusCode()).isEqualTo(429);
    assertThat(c.query("games", "fields id;").statusCode()).isEqualTo(200);
    c.post(sim.baseUrl() + "/admin/faults/next?count=1&status=503", "", false);
    HttpResponse<String> failed = c.query("games", "fields id;");
    assertThat(failed.statusCode()).isEqualTo(503);
    assertThat(SimClient.json(failed.body()).get(0).get("status").asInt()).isEqualTo(503);
    assertThat(c.query("games", "fields id;").statusCode()).isEqualTo(200);
    assertThat(sim.injectedAnswers()).isEqualTo(3);
    assertThat(sim.stats().tooManyRequests.get()).isEqualTo(2);

    long first = SMALL.games().get(0).id();
    c.post(sim.baseUrl() + "/admin/faults/fail-ids?ids=" + first + ",99999999", "", false);
    assertThat(sim.faults().failingIds()).containsExactlyInAnyOrder(first, 99999999L);
    String q = "fields id; where id <= " + first + ";";
    assertThat(c.query("games", q).statusCode()).isEqualTo(500);
    c.post(sim.baseUrl() + "/admin/faults/fail-ids?ids=", "", false);
    assertThat(c.query("games", q).statusCode()).isEqualTo(200);
    assertThat(
            c.post(sim.baseUrl() + "/admin/faults/next?count=1&status=200", "", false).statusCode())
        .isEqualTo(400);
  }

  @Test
  void queriesCountAndErrorsOverHttp() {
    IgdbSimulator sim = unlimited(SMALL);
    SimClient c = new SimClient(sim).login();
    HttpResponse<String> page = c.query("games", "fields *; where id > 0; sort id asc; limit 500;");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(SimClient.json(page.body()).size()).isEqualTo(500);
    assertThat(page.headers().firstValue("Retry-After")).isEmpty();

    HttpResponse<String> count = c.query("games/count", "where id > 0;");
    assertThat(SimClient.json(count.body()).get("count").asLong()).isEqualTo(3_000);

    HttpResponse<String> tooMany = c.query("games", "fields *; limit 501;");
    assertThat(tooMany.statusCode()).isEqualTo(400);
    JsonNode err = SimClient.json(tooMany.body());
    assertThat(err.isArray()).isTrue();
    assertThat(err.get(0).get("status").asInt()).isEqualTo(400);
    assertThat(err.get(0).get("title").asText()).isEqualTo("Syntax Error");

    assertThat(c.query("games", "fields *; where (id > 3;").statusCode()).isEqualTo(400);
    assertThat(c.query("nosuchthing", "fields *;").statusCode()).isEqualTo(404);

    HttpResponse<String> expanded =
        c.query("games", "fields name, genres.name; where genres != null; limit 1;");
    JsonNode g = SimClient.json(expanded.body()).get(0);
    assertThat(g.get("genres").get(0).get("name").isTextual()).isTrue();

    HttpResponse<String> ref = c.query("genres", "fields *; limit 50;");
    assertThat(SimClient.json(ref.body()).size()).isEqualTo(23);
  }

  @Test
  void multiquery() {
    IgdbSimulator sim = unlimited(SMALL);
    SimClient c = new SimClient(sim).login();
    String body =
        "query games \"r1\" { fields *; where id > 0; sort id asc; limit 500; };"
            + "query games/count \"n\" { where id > 0; };"
            + "query genres \"g\" { fields name; limit 5; };";
    HttpResponse<String> r = c.query("multiquery", body);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode a = SimClient.json(r.body());
    assertThat(a.get(0).get("name").asText()).isEqualTo("r1");
    assertThat(a.get(0).get("result").size()).isEqualTo(500);
    assertThat(a.get(1).get("count").asLong()).isEqualTo(3_000);
    assertThat(a.get(2).get("result").size()).isEqualTo(5);

    StringBuilder eleven = new StringBuilder();
    for (int i = 0; i < 11; i++) {
      eleven.append("query games \"q").append(i).append("\" { fields id; limit 1; };");
    }
    HttpResponse<String> over = c.query("multiquery", eleven.toString());
    assertThat(over.statusCode()).isEqualTo(400);
    assertThat(over.body()).contains("Too Many Concurrent queries");
  }

  @Test
  void rateLimitAnswers429UnderBurst() throws Exception {
    IgdbSimulator sim =
        start(IgdbSimulator.builder().catalog(SMALL).rateLimit(4).maxOpenRequests(0));
    SimClient c = new SimClient(sim).login();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<HttpResponse<String>> answers = new ArrayList<>();
    long t0 = System.nanoTime();
    try {
      List<Future<HttpResponse<String>>> fs = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        fs.add(pool.submit(() -> c.query("games", "fields id; limit 1;")));
      }
      for (Future<HttpResponse<String>> f : fs) {
        answers.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    long ok = answers.stream().filter(r -> r.statusCode() == 200).count();
    List<HttpResponse<String>> limited =
        answers.stream().filter(r -> r.statusCode() == 429).toList();
    assertThat(ok + limited.size()).isEqualTo(16);
    assertThat(ok).isGreaterThanOrEqualTo(4).isLessThanOrEqualTo(4 * ((long) seconds + 1));
    assertThat(limited).isNotEmpty();
    assertThat(limited.get(0).headers().firstValue("Retry-After")).isEmpty();
    assertThat(limited.get(0).body()).contains("Too Many Requests");
    assertThat(sim.stats().tooManyRequests.get()).isEqualTo(limited.size());
  }

  @Test
  void multiqueryCountsAsSubqueriesWhenConfigured() {
    IgdbSimulator sim =
        start(
            IgdbSimulator.builder()
                .catalog(SMALL)
                .rateLimit(4)
                .maxOpenRequests(8)
                .multiqueryCountsSubqueries(true));
    SimClient c = new SimClient(sim).login();
    String five =
        "query games \"a\" { fields id; };".repeat(1)
            + "query games \"b\" { fields id; };"
            + "query games \"c\" { fields id; };"
            + "query games \"d\" { fields id; };"
            + "query games \"e\" { fields id; };";
    assertThat(c.query("multiquery", five).statusCode()).isEqualTo(429);
  }

  @Test
  void eightOpenRequestsAtMost() throws Exception {
    IgdbSimulator sim =
        start(
            IgdbSimulator.builder()
                .catalog(SMALL)
                .rateLimit(0)
                .maxOpenRequests(8)
                .faults(Faults.none().withLatency(Faults.Latency.parse("fixed:4000"))));
    SimClient c = new SimClient(sim).login();
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      List<Future<Integer>> fs = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        fs.add(pool.submit(() -> c.query("games", "fields id; limit 1;").statusCode()));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : fs) {
        statuses.add(f.get());
      }
      assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(8);
      assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(4);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void webhooksDeliverWithSecretAndDeactivateAfterFiveFailures() throws Exception {
    IgdbSimulator sim = unlimited(SyntheticCatalog.generate(500, 2));
    SimClient c = new SimClient(sim).login();
    ConcurrentLinkedQueue<String[]> received = new ConcurrentLinkedQueue<>();
    AtomicInteger failing = new AtomicInteger();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/ok",
        ex -> {
          received.add(
              new String[] {
                ex.getRequestHeaders().getFirst("X-Secret"),
                new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
              });
          ex.sendResponseHeaders(200, -1);
          ex.close();
        });
    receiver.createContext(
        "/fail",
        ex -> {
          failing.incrementAndGet();
          ex.getRequestBody().readAllBytes();
          ex.sendResponseHeaders(500, -1);
          ex.close();
        });
    receiver.start();
    closeables.add(() -> receiver.stop(0));
    String base = "http://127.0.0.1:" + receiver.getAddress().getPort();

    HttpResponse<String> reg =
        c.send(
            c.authed(sim.apiUrl() + "/games/webhooks/")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "url=" + base + "/ok&secret=s3cret&method=create"))
                .build());
    assertThat(reg.statusCode()).isEqualTo(200);
    long hookId = SimClient.json(reg.body()).get("id").asLong();
    c.send(
        c.authed(sim.apiUrl() + "/games/webhooks/")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("url=" + base + "/ok&secret=d&method=delete"))
            .build());
    long failId =
        SimClient.json(
                c.send(
                        c.authed(sim.apiUrl() + "/games/webhooks/")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(
                                HttpRequest.BodyPublishers.ofString(
                                    "url=" + base + "/fail&secret=x&method=update"))
                            .build())
                    .body())
            .get("id")
            .asLong();
    JsonNode list =
        SimClient.json(c.send(c.authed(sim.apiUrl() + "/webhooks/").GET().build()).body());
    assertThat(list.size()).isEqualTo(3);

    LiveFeed.Applied applied = sim.live().apply(2, 7, 1, 0);
    await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 3 && failing.get() >= 5);
    List<String[]> got = new ArrayList<>(received);
    String[] create = got.stream().filter(x -> x[0].equals("s3cret")).findFirst().orElseThrow();
    JsonNode created = SimClient.json(create[1]);
    assertThat(applied.created()).contains(created.get("id").asLong());
    assertThat(created.has("name")).isTrue();
    assertThat(created.get("checksum").isTextual()).isTrue();
    String[] delete = got.stream().filter(x -> x[0].equals("d")).findFirst().orElseThrow();
    assertThat(delete[1]).isEqualTo("{\"id\":" + applied.deleted().get(0) + "}");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !sim.webhooks().get(failId).orElseThrow().active());
    assertThat(failing.get()).isEqualTo(5);
    sim.live().apply(0, 3, 0, 0);
    // deactivated: no more deliveries (the earlier ones are all counted already)
    assertThat(sim.webhooks().get(failId).orElseThrow().failures()).isEqualTo(5);

    // test endpoint delivers a given entity
    long gameId = sim.catalog().games().get(0).id();
    int before = received.size();
    HttpResponse<String> test =
        c.send(
            c.authed(sim.apiUrl() + "/games/webhooks/test/" + hookId + "?entityId=" + gameId)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    assertThat(test.statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> received.size() > before);

    HttpResponse<String> del =
        c.send(c.authed(sim.apiUrl() + "/webhooks/" + hookId).DELETE().build());
    assertThat(del.statusCode()).isEqualTo(200);
    assertThat(sim.webhooks().get(hookId)).isEmpty();
  }

  @Test
  void faultInjection() throws Exception {
    IgdbSimulator sim = unlimited(SMALL);
    SimClient c = new SimClient(sim).login();
    long badId = SMALL.games().get(700).id();
    sim.faults(Faults.none().withFailingIds(Set.of(badId)));
    assertThat(c.query("games", "fields id; where id > 0; sort id asc; limit 500;").statusCode())
        .isEqualTo(200);
    HttpResponse<String> bad =
        c.query("games", "fields id; where id > 0; sort id asc; limit 500; offset 500;");
    assertThat(bad.statusCode()).isEqualTo(500);
    assertThat(
            c.query("games", "fields id; where id > " + badId + "; sort id asc; limit 500;")
                .statusCode())
        .isEqualTo(200);

    sim.faults(Faults.none().withErrorRate(1.0));
    assertThat(c.query("games", "fields id;").statusCode()).isBetween(500, 504);

    sim.faults(Faults.none().withTruncateRate(1.0));
    HttpResponse<String> cut = c.query("games", "fields *; limit 20;");
    assertThat(cut.statusCode()).isEqualTo(200);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimClient.json(cut.body()))
        .isInstanceOf(Exception.class);

    sim.faults(Faults.none());
    try (Socket s = new Socket("127.0.0.1", sim.port())) {
      OutputStream out = s.getOutputStream();
      String req =
          "POST /v4/games HTTP/1.1\r\nHost: x\r\nClient-ID: "
              + sim.clientId()
              + "\r\nAuthorization: Bearer "
              + c.token
              + "\r\nContent-Length: 10\r\nConnection: close\r\n\r\nfields id;";
      out.write(req.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String status =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
              .readLine();
      assertThat(status).contains("403");
    }
  }

  @Test
  void keysetPagingVisitsEveryIdOnceWhileLiveModeMutates() {
    Catalog catalog = SyntheticCatalog.generate(6_000, 5);
    Set<Long> initial = new HashSet<>();
    catalog.games().forEach(g -> initial.add(g.id()));
    Set<Long> deleted = java.util.concurrent.ConcurrentHashMap.newKeySet();
    catalog.addListener(
        ch -> {
          if (ch.endpoint() == IgdbEndpoint.GAMES
              && ch.kind() == io.gamedata.simulator.catalog.CatalogChange.Kind.DELETED) {
            deleted.add(ch.id());
          }
        });
    IgdbSimulator sim =
        start(
            IgdbSimulator.builder()
                .catalog(catalog)
                .rateLimit(0)
                .maxOpenRequests(0)
                .liveRate(300)
                .liveMix(new LiveFeed.Mix(0.2, 0.3, 0.2, 0.3)));
    SimClient c = new SimClient(sim).login();
    long end = catalog.maxId(IgdbEndpoint.GAMES) + 1_000; // new games keep coming: bound the scan
    List<Long> seen = new ArrayList<>();
    long last = 0;
    int pages = 0;
    while (true) {
      HttpResponse<String> r =
          c.query(
              "games",
              "fields id,updated_at; where id > "
                  + last
                  + " & id <= "
                  + end
                  + "; sort id asc; limit 500;");
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode arr = SimClient.json(r.body());
      if (arr.isEmpty()) {
        break;
      }
      for (JsonNode g : arr) {
        seen.add(g.get("id").asLong());
      }
      last = arr.get(arr.size() - 1).get("id").asLong();
      pages++;
      sim.live().apply(5, 5, 5, 5); // and mutate between pages for sure
    }
    assertThat(pages).isGreaterThan(10);
    assertThat(seen).doesNotHaveDuplicates().isSorted();
    Set<Long> mustSee = new HashSet<>(initial);
    mustSee.removeAll(deleted);
    assertThat(seen).containsAll(mustSee);
    assertThat(deleted).isNotEmpty();
  }

  @Test
  void updatedAtPollingSeesLiveChangesAndInjection() {
    IgdbSimulator sim = unlimited(SyntheticCatalog.generate(1_000, 9));
    SimClient c = new SimClient(sim).login();
    long t = System.currentTimeMillis() / 1000 - 1;
    HttpResponse<String> inject =
        c.post(sim.baseUrl() + "/admin/inject?games=200&updates=3&touches=4", "", false);
    assertThat(inject.statusCode()).isEqualTo(200);
    JsonNode applied = SimClient.json(inject.body());
    assertThat(applied.get("created").size()).isEqualTo(200);
    HttpResponse<String> count = c.query("games/count", "where updated_at > " + t + ";");
    assertThat(SimClient.json(count.body()).get("count").asLong()).isBetween(205L, 207L);
    assertThat(sim.catalog().size(IgdbEndpoint.GAMES)).isEqualTo(1_200);
    HttpResponse<String> polled =
        c.query(
            "games",
            "fields id,updated_at; where updated_at > " + t + "; sort updated_at asc; limit 500;");
    assertThat(SimClient.json(polled.body()).size()).isBetween(205, 207);
  }

  @Test
  void servesTheRealSample() throws Exception {
    Path dir =
        Path.of(IgdbSimulatorIT.class.getResource("/sample-2026/games.json").toURI()).getParent();
    IgdbSimulator sim = unlimited(CatalogLoader.loadDirectory(dir));
    SimClient c = new SimClient(sim).login();
    JsonNode gta =
        SimClient.json(c.query("games", "fields *; where name ~ \"grand theft auto v\";").body())
            .get(0);
    assertThat(gta.get("id").asLong()).isEqualTo(1020);
    assertThat(gta.has("external_games")).isTrue(); // unknown fields served as stored
    JsonNode expanded =
        SimClient.json(
                c.query(
                        "games",
                        "fields name, involved_companies.developer, genres.name; where id = 1020;")
                    .body())
            .get(0);
    assertThat(expanded.get("genres").get(0).get("name").isTextual()).isTrue();
    assertThat(expanded.get("involved_companies").get(0).has("developer")).isTrue();
    // live mode works on real records too
    assertThat(sim.live().apply(3, 1, 0, 1).created()).hasSize(3);
    assertThat(sim.catalog().size(IgdbEndpoint.GAMES)).isEqualTo(8);
  }
}
