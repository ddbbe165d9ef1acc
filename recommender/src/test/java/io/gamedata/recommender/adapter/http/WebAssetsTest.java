package io.gamedata.recommender.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

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
  static HttpApi api;
  static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    api =
        new HttpApi(
                new ExactSimilarityEngine(EngineConfig.defaults()),
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
                new ApiSettings("127.0.0.1", 0, 2, 1024, 10, 100))
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
    Pattern refs = Pattern.compile("(?:src|href)=\"(assets/[^\"]+)\"");
    Pattern imports = Pattern.compile("from '\\./([a-z]+\\.js)'");
    Deque<String> todo = new ArrayDeque<>();
    refs.matcher(get("/").body()).results().forEach(m -> todo.add("/" + m.group(1)));
    assertThat(todo).contains("/assets/app.js", "/assets/style.css", "/assets/icon.svg");
    Set<String> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      String path = todo.poll();
      if (!seen.add(path)) {
        continue;
      }
      HttpResponse<String> r = get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type"))
          .as(path)
          .hasValue(types.get(path.substring(path.lastIndexOf('.'))));
      if (path.endsWith(".js")) {
        imports.matcher(r.body()).results().forEach(m -> todo.add("/assets/" + m.group(1)));
      }
    }
    // every file in the folder is reachable from the page (nothing stale left behind)
    try (Stream<Path> files = Files.list(WEB.resolve("assets"))) {
      assertThat(seen)
          .containsExactlyInAnyOrderElementsOf(
              files.map(f -> "/assets/" + f.getFileName()).toList());
    }
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
