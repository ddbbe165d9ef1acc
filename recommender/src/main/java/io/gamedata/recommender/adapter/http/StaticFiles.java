package io.gamedata.recommender.adapter.http;

import io.gamedata.http.Exchange;
import io.gamedata.http.Responses;
import io.gamedata.http.Routes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web page ({@code web/} on the class path) and {@code /openapi.yaml}, read once at start-up
 * and served from memory, so that the page costs the query path nothing:
 *
 * <ul>
 *   <li>the page's files ({@link #ASSETS}) are served under {@code /assets/<version>/}, where the
 *       version is a hash of their content, with {@code Cache-Control: immutable} for a year: a
 *       browser asks for them once per release (the page names the versioned paths; modules import
 *       each other relatively, so they stay in the same version);
 *   <li>{@code /} and {@code /openapi.yaml} are {@code no-cache} with an {@code ETag}: a reload is
 *       one conditional request answered 304;
 *   <li>the page runs under a Content-Security-Policy without inline script or style: scripts,
 *       styles and requests go to this origin only, images also to IGDB's image host.
 * </ul>
 */
final class StaticFiles {

  /** The page's files under {@code web/assets/}; a new one is one line here. */
  static final List<String> ASSETS =
      List.of(
          "app.js",
          "api.js",
          "cards.js",
          "combo.js",
          "dom.js",
          "game.js",
          "live.js",
          "recs.js",
          "side.js",
          "taste.js",
          "views.js",
          "style.css",
          "icon.svg");

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
          + " img-src 'self' data: https://images.igdb.com; base-uri 'none'; form-action 'self';"
          + " frame-ancestors 'none'";

  private record File(byte[] body, String contentType, String etag) {}

  private final String version;
  private final File page;
  private final File openapi;
  private final Map<String, File> assets;

  private StaticFiles(String version, File page, File openapi, Map<String, File> assets) {
    this.version = version;
    this.page = page;
    this.openapi = openapi;
    this.assets = assets;
  }

  static StaticFiles load() {
    Map<String, File> assets = new LinkedHashMap<>();
    MessageDigest all = sha256();
    for (String a : ASSETS) {
      File f = read("web/assets/" + a);
      assets.put(a, f);
      all.update(a.getBytes(StandardCharsets.UTF_8));
      all.update(f.body());
    }
    String version = HexFormat.of().formatHex(all.digest()).substring(0, 12);
    String html = new String(read("web/index.html").body(), StandardCharsets.UTF_8);
    byte[] page =
        html.replace("\"assets/", "\"assets/" + version + "/").getBytes(StandardCharsets.UTF_8);
    return new StaticFiles(
        version,
        new File(page, contentType("index.html"), etag(page)),
        read("openapi.yaml"),
        assets);
  }

  /** The content version in the assets' paths. */
  String version() {
    return version;
  }

  void routes(Routes r) {
    r.get("/", ctx -> revalidated(ctx, page, true))
        .get("/index.html", ctx -> revalidated(ctx, page, true))
        .get("/openapi.yaml", ctx -> revalidated(ctx, openapi, false))
        .get("/assets/{version}/{file}", this::asset);
  }

  private void asset(Exchange ctx) {
    File f = assets.get(ctx.pathParam("file"));
    if (f == null) {
      Responses.error(ctx, 404, "no such resource: " + ctx.path(), null);
      return;
    }
    if (version.equals(ctx.pathParam("version"))) {
      ctx.header("Cache-Control", "public, max-age=31536000, immutable");
      security(ctx);
      Responses.send(ctx, 200, f.body(), f.contentType());
    } else {
      // a page of another release asks: it gets this release's file, not kept
      revalidated(ctx, f, false);
    }
  }

  /** Cached by the browser but checked on every use: 304 while the ETag matches. */
  private static void revalidated(Exchange ctx, File f, boolean page) {
    ctx.header("Cache-Control", "no-cache");
    ctx.header("ETag", f.etag());
    if (page) {
      ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      ctx.header("Referrer-Policy", "no-referrer");
      ctx.header("X-Frame-Options", "DENY");
    }
    security(ctx);
    String seen = ctx.header("If-None-Match");
    if (seen != null && seen.contains(f.etag())) {
      ctx.status(304);
      return;
    }
    Responses.send(ctx, 200, f.body(), f.contentType());
  }

  private static void security(Exchange ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
  }

  private static File read(String resource) {
    try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + resource);
      }
      byte[] body = in.readAllBytes();
      return new File(body, contentType(resource), etag(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String etag(byte[] body) {
    return "\"" + HexFormat.of().formatHex(sha256().digest(body)).substring(0, 20) + "\"";
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
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
