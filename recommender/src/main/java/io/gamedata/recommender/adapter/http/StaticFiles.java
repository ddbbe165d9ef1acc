package io.gamedata.recommender.adapter.http;

import io.gamedata.http.Responses;
import io.gamedata.http.Routes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web page ({@code web/} on the class path) and {@code /openapi.yaml}, read once at start-up
 * and served from memory. A new page file is one line in {@link #ASSETS}.
 */
final class StaticFiles {

  /** URL path to class-path resource. */
  static final Map<String, String> FILES = new LinkedHashMap<>();

  /** The page's files under {@code web/assets/}, served as {@code /assets/<name>}. */
  static final List<String> ASSETS =
      List.of(
          "app.js",
          "api.js",
          "cards.js",
          "combo.js",
          "dom.js",
          "game.js",
          "recs.js",
          "side.js",
          "taste.js",
          "views.js",
          "style.css",
          "icon.svg");

  static {
    FILES.put("/", "web/index.html");
    FILES.put("/index.html", "web/index.html");
    FILES.put("/openapi.yaml", "openapi.yaml");
    ASSETS.forEach(a -> FILES.put("/assets/" + a, "web/assets/" + a));
  }

  private record File(byte[] body, String contentType) {}

  private final Map<String, File> files;

  private StaticFiles(Map<String, File> files) {
    this.files = files;
  }

  static StaticFiles load() {
    Map<String, File> files = new LinkedHashMap<>();
    FILES.forEach((path, resource) -> files.put(path, read(resource)));
    return new StaticFiles(files);
  }

  void routes(Routes r) {
    files.forEach(
        (path, f) -> r.get(path, ctx -> Responses.send(ctx, 200, f.body(), f.contentType())));
  }

  private static File read(String resource) {
    try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + resource);
      }
      return new File(in.readAllBytes(), contentType(resource));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String contentType(String resource) {
    if (resource.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (resource.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    if (resource.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    if (resource.endsWith(".yaml")) {
      return "application/yaml; charset=utf-8";
    }
    if (resource.endsWith(".svg")) {
      return "image/svg+xml";
    }
    if (resource.endsWith(".png")) {
      return "image/png";
    }
    return "application/octet-stream";
  }
}
