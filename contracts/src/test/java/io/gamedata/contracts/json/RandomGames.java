package io.gamedata.contracts.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random raw games as JSON text: every field present, absent or null at random, strings with
 * unicode, escapes, emoji and control characters, numbers from tiny to overflowing, lists empty,
 * null or with null elements, unknown fields of every JSON type, and now and then a value of the
 * wrong type or a duplicate field.
 */
final class RandomGames {

  private RandomGames() {}

  private static final String[] UNKNOWN = {
    "external_games",
    "release_dates",
    "screenshots",
    "tags",
    "websites",
    "videos",
    "age_ratings",
    "alternative_names",
    "artworks",
    "multiplayer_modes",
    "language_supports",
    "x",
    "é-ключ",
    "😀",
    "",
    "a\"b",
    "nested"
  };

  static String game(SplittableRandom r) {
    List<String> fields = new ArrayList<>();
    if (r.nextInt(50) != 0) {
      fields.add(member("id", r.nextInt(40) == 0 ? oddValue(r) : Long.toString(id(r))));
    }
    for (int i = 1; i < IgdbGameReader.NAMES.length; i++) {
      if (r.nextInt(3) == 0) {
        continue;
      }
      String value;
      int roll = r.nextInt(100);
      if (roll < 8) {
        value = "null";
      } else if (roll < 10) {
        value = oddValue(r);
      } else {
        value = validValue(i, r);
      }
      fields.add(member(IgdbGameReader.NAMES[i], value));
    }
    int unknown = r.nextInt(6);
    for (int i = 0; i < unknown; i++) {
      fields.add(member(UNKNOWN[r.nextInt(UNKNOWN.length)], anyJson(r, 0)));
    }
    if (r.nextInt(30) == 0 && !fields.isEmpty()) {
      fields.add(fields.get(r.nextInt(fields.size()))); // a duplicate
    }
    // shuffle
    for (int i = fields.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      String t = fields.get(i);
      fields.set(i, fields.get(j));
      fields.set(j, t);
    }
    String sep = r.nextBoolean() ? "," : ",\n  ";
    return (r.nextInt(10) == 0 ? " \n" : "") + "{" + String.join(sep, fields) + "}";
  }

  private static String member(String name, String value) {
    return quote(name) + ":" + value;
  }

  private static long id(SplittableRandom r) {
    return switch (r.nextInt(6)) {
      case 0 -> r.nextLong();
      case 1 -> 0;
      default -> 1 + r.nextInt(400_000);
    };
  }

  private static String validValue(int field, SplittableRandom r) {
    String name = IgdbGameReader.NAMES[field];
    if (field <= 7) {
      return quote(text(r));
    }
    return switch (name) {
      case "rating", "aggregated_rating", "total_rating" -> doubleText(r);
      case "rating_count",
          "aggregated_rating_count",
          "total_rating_count",
          "hypes",
          "category",
          "status",
          "follows" ->
          Integer.toString(
              r.nextInt(5) == 0 ? r.nextInt() : r.nextInt(r.nextBoolean() ? 10 : 100_000));
      default -> {
        if (field >= 24 && field <= 37) {
          yield longList(r);
        }
        yield Long.toString(r.nextInt(4) == 0 ? r.nextLong() : r.nextInt(2_000_000_000));
      }
    };
  }

  private static String longList(SplittableRandom r) {
    int n = r.nextInt(4) == 0 ? 0 : r.nextInt(12);
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      sb.append(i > 0 ? (r.nextBoolean() ? "," : ", ") : "");
      sb.append(r.nextInt(40) == 0 ? "null" : Long.toString(id(r)));
    }
    return sb.append(']').toString();
  }

  private static String doubleText(SplittableRandom r) {
    return switch (r.nextInt(10)) {
      case 0 -> Integer.toString(r.nextInt(101));
      case 1 -> Double.toString(r.nextDouble() * Math.pow(10, r.nextInt(-30, 30)));
      case 2 -> "1e20";
      case 3 -> "-0.0";
      case 4 -> "0.1";
      case 5 -> "100.0";
      case 6 -> "1.5E-7";
      case 7 -> "123456789012345678901234567890";
      default -> Double.toString(r.nextDouble() * 100);
    };
  }

  /** A value of the wrong type or out of range for most fields. */
  private static String oddValue(SplittableRandom r) {
    String[] odd = {
      "\"12\"",
      "\"\"",
      "1.5",
      "1.0",
      "true",
      "false",
      "[]",
      "{}",
      "[1]",
      "\"x\"",
      "9223372036854775808",
      "-9223372036854775809",
      "2147483648",
      "-2147483649",
      "99999999999999999999999",
      "1e400",
      "[1.5]",
      "[\"1\"]",
      "{\"a\":1}",
      "0"
    };
    return odd[r.nextInt(odd.length)];
  }

  private static String anyJson(SplittableRandom r, int depth) {
    int kind = r.nextInt(depth > 3 ? 6 : 8);
    switch (kind) {
      case 0:
        return "null";
      case 1:
        return r.nextBoolean() ? "true" : "false";
      case 2:
        return Long.toString(r.nextInt(3) == 0 ? r.nextLong() : r.nextInt(1000));
      case 3:
        return r.nextInt(5) == 0 ? "99999999999999999999999" : doubleText(r);
      case 4:
      case 5:
        return quote(text(r));
      case 6:
        {
          int n = r.nextInt(5);
          StringBuilder sb = new StringBuilder("[");
          for (int i = 0; i < n; i++) {
            sb.append(i > 0 ? "," : "").append(anyJson(r, depth + 1));
          }
          return sb.append(']').toString();
        }
      default:
        {
          int n = r.nextInt(5);
          StringBuilder sb = new StringBuilder("{");
          for (int i = 0; i < n; i++) {
            sb.append(i > 0 ? "," : "");
            sb.append(member(UNKNOWN[r.nextInt(UNKNOWN.length)], anyJson(r, depth + 1)));
          }
          return sb.append('}').toString();
        }
    }
  }

  private static final String[] PIECES = {
    "Witcher",
    " ",
    "é",
    "ü",
    "中文",
    "ключ",
    "😀",
    "🎮",
    "\u0000",
    "\u0001",
    "\u001f",
    "\t",
    "\n",
    "\"",
    "\\",
    "/",
    "\u2028",
    "\uFEFF",
    "a",
    "Zelda: Breath of the Wild",
    "0",
    "%s",
    "<b>"
  };

  static String text(SplittableRandom r) {
    int n = r.nextInt(4) == 0 ? 0 : r.nextInt(8);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(PIECES[r.nextInt(PIECES.length)]);
    }
    if (r.nextInt(10) == 0) {
      sb.append("x".repeat(r.nextInt(5000)));
    }
    return sb.toString();
  }

  /** A JSON string literal, escaped now minimally and now with \\u escapes for everything. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    boolean escapeAll = s.hashCode() % 5 == 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || (escapeAll && c > 0x7e)) {
        sb.append(String.format("\\u%04x", (int) c));
      } else if (c == '/' && escapeAll) {
        sb.append("\\/");
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  /** The bytes with one random corruption: a cut, a flipped, inserted or deleted byte. */
  static byte[] mutate(byte[] json, SplittableRandom r) {
    if (json.length == 0) {
      return json;
    }
    int at = r.nextInt(json.length);
    byte[] junk = " {}[],:\"\\0123456789.eE-+tfnux\u00e9".getBytes(StandardCharsets.UTF_8);
    switch (r.nextInt(4)) {
      case 0:
        return Arrays.copyOf(json, at);
      case 1:
        {
          byte[] out = json.clone();
          out[at] = r.nextInt(4) == 0 ? (byte) r.nextInt(256) : junk[r.nextInt(junk.length)];
          return out;
        }
      case 2:
        {
          byte[] out = new byte[json.length + 1];
          System.arraycopy(json, 0, out, 0, at);
          out[at] = junk[r.nextInt(junk.length)];
          System.arraycopy(json, at, out, at + 1, json.length - at);
          return out;
        }
      default:
        {
          byte[] out = new byte[json.length - 1];
          System.arraycopy(json, 0, out, 0, at);
          System.arraycopy(json, at + 1, out, at, json.length - at - 1);
          return out;
        }
    }
  }
}
