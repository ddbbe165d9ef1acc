package io.gamedata.contracts.json;

import static io.gamedata.contracts.json.JsonByteRules.LONGS;
import static io.gamedata.contracts.json.JsonByteRules.hex4;
import static io.gamedata.contracts.json.JsonByteRules.isNull;
import static io.gamedata.contracts.json.JsonByteRules.plainAscii;
import static io.gamedata.contracts.json.JsonByteRules.utf8;
import static io.gamedata.contracts.json.JsonByteRules.utf8Length;
import static io.gamedata.contracts.json.JsonByteRules.ws;

/**
 * Steps past a JSON value that {@link IgdbGameScanner} drops (an unknown field of a trimmed read),
 * validating it as strictly as Jackson's parser would and more: strings of strictly valid UTF-8 and
 * JSON escapes (none in object names), numbers of the JSON grammar up to {@value #MAX_NUMBER}
 * characters, {@code true}, {@code false}, {@code null}, arrays and objects nested up to {@value
 * #MAX_DEPTH} deep, names up to {@value #MAX_NAME} bytes. Every method returns the position after
 * what it stepped past, or -1 when the scanner must leave the input to the parser.
 */
final class JsonSkip {

  static final int MAX_DEPTH = 200;
  static final int MAX_NUMBER = 100;
  static final int MAX_NAME = 1000;

  private JsonSkip() {}

  /** Past the JSON value at p (not whitespace), or -1. */
  static int value(byte[] b, int p, int end, int depth) {
    if (p >= end) {
      return -1;
    }
    byte c = b[p];
    switch (c) {
      case '"':
        return string(b, p + 1, end, true);
      case '{':
        {
          if (depth >= MAX_DEPTH) {
            return -1;
          }
          p = ws(b, p + 1, end);
          if (p < end && b[p] == '}') {
            return p + 1;
          }
          while (true) {
            if (p >= end || b[p] != '"') {
              return -1;
            }
            int nameStart = p;
            // no escapes in names: the parser decodes them otherwise (a lone surrogate fails)
            p = string(b, p + 1, end, false);
            if (p < 0 || p - nameStart > MAX_NAME) {
              return -1;
            }
            p = ws(b, p, end);
            if (p >= end || b[p] != ':') {
              return -1;
            }
            p = value(b, ws(b, p + 1, end), end, depth + 1);
            if (p < 0) {
              return -1;
            }
            p = ws(b, p, end);
            if (p >= end) {
              return -1;
            }
            if (b[p] == '}') {
              return p + 1;
            }
            if (b[p] != ',') {
              return -1;
            }
            p = ws(b, p + 1, end);
          }
        }
      case '[':
        {
          if (depth >= MAX_DEPTH) {
            return -1;
          }
          p = ws(b, p + 1, end);
          if (p < end && b[p] == ']') {
            return p + 1;
          }
          while (true) {
            p = value(b, p, end, depth + 1);
            if (p < 0) {
              return -1;
            }
            p = ws(b, p, end);
            if (p >= end) {
              return -1;
            }
            if (b[p] == ']') {
              return p + 1;
            }
            if (b[p] != ',') {
              return -1;
            }
            p = ws(b, p + 1, end);
          }
        }
      case 't':
        return isWord(b, p, end, "true") ? p + 4 : -1;
      case 'f':
        return isWord(b, p, end, "false") ? p + 5 : -1;
      case 'n':
        return isNull(b, p, end) ? p + 4 : -1;
      default:
        return number(b, p, end);
    }
  }

  /** Past the closing quote of the string whose content starts at p, or -1. */
  static int string(byte[] b, int p, int end, boolean escapes) {
    while (p + 8 <= end && plainAscii((long) LONGS.get(b, p))) {
      p += 8;
    }
    while (p < end) {
      int c = b[p];
      if (c == '"') {
        return p + 1;
      }
      if (c >= 0x20 && c != '\\') {
        p++;
      } else if (c == '\\') {
        if (!escapes || p + 1 >= end) {
          return -1;
        }
        switch (b[p + 1]) {
          case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> p += 2;
          case 'u' -> {
            if (hex4(b, p + 2, end) < 0) {
              return -1;
            }
            p += 6;
          }
          default -> {
            return -1;
          }
        }
      } else if (c >= 0) {
        return -1;
      } else {
        int cp = utf8(b, p, end);
        if (cp < 0) {
          return -1;
        }
        p += utf8Length(cp);
      }
    }
    return -1;
  }

  /** Past the JSON number at p, or -1. */
  static int number(byte[] b, int p, int end) {
    int start = p;
    if (p < end && b[p] == '-') {
      p++;
    }
    if (p >= end || b[p] < '0' || b[p] > '9') {
      return -1;
    }
    if (b[p] == '0') {
      p++;
      if (p < end && b[p] >= '0' && b[p] <= '9') {
        return -1;
      }
    } else {
      p = digits(b, p, end);
    }
    if (p < end && b[p] == '.') {
      int q = digits(b, p + 1, end);
      if (q == p + 1) {
        return -1;
      }
      p = q;
    }
    if (p < end && (b[p] == 'e' || b[p] == 'E')) {
      p++;
      if (p < end && (b[p] == '+' || b[p] == '-')) {
        p++;
      }
      int q = digits(b, p, end);
      if (q == p) {
        return -1;
      }
      p = q;
    }
    return p - start > MAX_NUMBER ? -1 : p;
  }

  private static int digits(byte[] b, int p, int end) {
    while (p < end && b[p] >= '0' && b[p] <= '9') {
      p++;
    }
    return p;
  }

  private static boolean isWord(byte[] b, int p, int end, String word) {
    if (p + word.length() > end) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (b[p + i] != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
