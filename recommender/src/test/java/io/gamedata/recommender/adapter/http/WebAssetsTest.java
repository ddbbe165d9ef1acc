package io.gamedata.recommender.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.gamedata.recommender.browse.Browsing;
import io.gamedata.recommender.engine.EngineConfig;
import io.gamedata.recommender.engine.ExactSimilarityEngine;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web page's files: each one the page names or a script imports is served with its type, and
 * none of them can turn catalogue text into markup or needs an inline script or style (the page
 * runs under a strict Content-Security-Policy).
 */
class WebAssetsTest {

  static final Path WEB = Path.of("src/main/resources/web");
  static final ExactSimilarityEngine ENGINE = new ExactSimilarityEngine(EngineConfig.defaults());
  static HttpApi api;
  static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    api =
        new HttpApi(
                ENGINE,
                Browsing.of(ENGINE),
                new ServiceStatus() {
                  @Override
                  public boolean live() {
                    return true;
                  }

                  @Override
                  public boolean ready() {
                    return true;
                  }

                  @Override
                  public long lag() {
                    return 0;
                  }

                  @Override
                  public String phase() {
                    return "LIVE";
                  }
                },
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                new ApiSettings("127.0.0.1", 0, 2, 1024, 10, 100, 50))
            .start();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void thePageAndEveryFileItLoadsAreServedWithTheirTypes() throws Exception {
    Map<String, String> types =
        Map.of(
            ".js", "text/javascript; charset=utf-8",
            ".css", "text/css; charset=utf-8",
            ".svg", "image/svg+xml");
    Pattern refs = Pattern.compile("(?:src|href)=\"(assets/([0-9a-f]{12})/[^\"]+)\"");
    Pattern imports = Pattern.compile("from '\\./([a-z]+\\.js)'");
    Deque<String> todo = new ArrayDeque<>();
    String page = get("/").body();
    Set<String> versions = new HashSet<>();
    refs.matcher(page)
        .results()
        .forEach(
            m -> {
              todo.add("/" + m.group(1));
              versions.add(m.group(2));
            });
    assertThat(versions).hasSize(1);
    String dir = "/assets/" + versions.iterator().next() + "/";
    assertThat(todo).contains(dir + "app.js", dir + "style.css", dir + "icon.svg");
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      String path = todo.poll();
      if (!seen.add(path.substring(dir.length()))) {
        continue;
      }
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type"))
          .as(path)
          .hasValue(types.get(path.substring(path.lastIndexOf('.'))));
      if (path.endsWith(".js")) {
        // relative imports stay in the same version
        imports.matcher(r.body()).results().forEach(m -> todo.add(dir + m.group(1)));
      }
    }
    // every file in the folder is reachable from the page and listed (nothing stale or missing)
    try (Stream<Path> files = Files.list(WEB.resolve("assets"))) {
      List<String> all = files.map(f -> f.getFileName().toString()).toList();
      assertThat(seen).containsExactlyInAnyOrderElementsOf(all);
      assertThat(StaticFiles.ASSETS).containsExactlyInAnyOrderElementsOf(all);
    }
  }

  @Test
  void theFilesAreCachedThePageRevalidatedAndLockedDown() throws Exception {
    HttpResponse<String> page = get("/");
    String asset =
        Pattern.compile("src=\"(assets/[0-9a-f]{12}/app\\.js)\"")
            .matcher(page.body())
            .results()
            .findFirst()
            .orElseThrow()
            .group(1);
    // versioned files: kept by the browser for a year, never asked again in that release
    HttpResponse<String> js = get("/" + asset);
    assertThat(js.headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=31536000, immutable");
    assertThat(js.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    // a page of an earlier release still gets the file, not kept
    HttpResponse<String> old = get("/assets/000000000000/app.js");
    assertThat(old.statusCode()).isEqualTo(200);
    assertThat(old.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(get("/assets/" + asset.split("/")[1] + "/nope.js").statusCode()).isEqualTo(404);

    // the page: revalidated on each load, 304 while unchanged, under a strict policy
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
    String etag = page.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/"))
                .header("If-None-Match", etag)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
    String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp)
        .contains("default-src 'none'", "script-src 'self'", "style-src 'self'")
        .contains("img-src 'self' data: https://images.igdb.com", "frame-ancestors 'none'")
        .doesNotContain("unsafe");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    // the API itself stays uncached
    assertThat(get("/api/stats").headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void noScriptTurnsTextIntoMarkup() throws IOException {
    // the sinks that parse HTML or run strings as code; text goes through textContent only
    Pattern sinks =
        Pattern.compile(
            "innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\(|new Function"
                + "|setAttribute\\('(?:style|on)|\\.style\\.|srcdoc|createContextualFragment");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(WEB.resolve("assets"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".js")).toList()) {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          if (sinks.matcher(lines.get(i)).find()) {
            found.add(f.getFileName() + ":" + (i + 1) + ": " + lines.get(i).trim());
          }
        }
      }
    }
    assertThat(found).isEmpty();
  }

  @Test
  void thePageHasNoInlineScriptOrStyle() throws IOException {
    String html = Files.readString(WEB.resolve("index.html"));
    assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(html).find())
        .as("inline <script>")
        .isFalse();
    assertThat(html).doesNotContain("<style", " style=", "javascript:");
    assertThat(Pattern.compile("\\son[a-z]+=").matcher(html).find())
        .as("inline event handler")
        .isFalse();
  }
}
