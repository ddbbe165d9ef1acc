package io.gamedata.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where an app declares its routes: a path template of literal segments, {@code {name}} segments
 * (one segment, see {@link Exchange#pathParam}) and a last {@code <name>} segment (the rest of the
 * path, slashes included). The first route whose template and method match answers. A path that
 * matches only routes of other methods gets 405 with {@code Allow}; one that matches none 404.
 */
public final class Routes {

  private static final List<String> ALL_METHODS =
      List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  record Route(String method, String template, String[] segments, Handler handler) {}

  /** The outcome of routing a request: a route with its parameters, or the allowed methods. */
  record Match(Route route, Map<String, String> params, Set<String> allowed) {}

  private final List<Route> routes = new ArrayList<>();

  Routes() {}

  /** GET, and HEAD with the same handler (the server leaves out the body). */
  public Routes get(String path, Handler handler) {
    add("GET", path, handler);
    return add("HEAD", path, handler);
  }

  public Routes post(String path, Handler handler) {
    return add("POST", path, handler);
  }

  public Routes put(String path, Handler handler) {
    return add("PUT", path, handler);
  }

  public Routes delete(String path, Handler handler) {
    return add("DELETE", path, handler);
  }

  /** Every method to one handler, which checks the method itself. */
  public Routes any(String path, Handler handler) {
    for (String m : ALL_METHODS) {
      add(m, path, handler);
    }
    return this;
  }

  private Routes add(String method, String template, Handler handler) {
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("a route starts with '/': " + template);
    }
    String[] segments = split(template);
    for (int i = 0; i < segments.length - 1; i++) {
      if (segments[i].startsWith("<")) {
        throw new IllegalArgumentException("<rest> must be the last segment: " + template);
      }
    }
    routes.add(new Route(method, template, segments, handler));
    return this;
  }

  Match match(String method, String path) {
    String[] parts = split(path);
    Set<String> allowed = new LinkedHashSet<>();
    for (Route r : routes) {
      Map<String, String> params = params(r.segments(), parts, path);
      if (params == null) {
        continue;
      }
      if (r.method().equals(method)) {
        return new Match(r, params, Set.of());
      }
      allowed.add(r.method());
    }
    return new Match(null, Map.of(), allowed);
  }

  /** The parameters when {@code parts} fit the template, else null. */
  private static Map<String, String> params(String[] template, String[] parts, String path) {
    Map<String, String> params = null;
    for (int i = 0; i < template.length; i++) {
      String t = template[i];
      if (t.startsWith("<") && t.endsWith(">")) {
        if (i >= parts.length) {
          return null;
        }
        int start = nthSegmentStart(path, i);
        params = params == null ? new LinkedHashMap<>() : params;
        params.put(t.substring(1, t.length() - 1), path.substring(start));
        return params;
      }
      if (i >= parts.length) {
        return null;
      }
      if (t.startsWith("{") && t.endsWith("}")) {
        if (parts[i].isEmpty()) {
          return null;
        }
        params = params == null ? new LinkedHashMap<>() : params;
        params.put(t.substring(1, t.length() - 1), parts[i]);
      } else if (!t.equals(parts[i])) {
        return null;
      }
    }
    return template.length == parts.length ? (params == null ? Map.of() : params) : null;
  }

  /** Segments after the leading slash; "/" is one empty segment, a trailing slash adds one. */
  private static String[] split(String path) {
    return path.substring(1).split("/", -1);
  }

  private static int nthSegmentStart(String path, int n) {
    int pos = 1;
    for (int i = 0; i < n; i++) {
      pos = path.indexOf('/', pos) + 1;
    }
    return pos;
  }
}
