package io.gamedata.contracts.json;

import java.time.Instant;

/**
 * Value forms of the hand-written writers: instants as the JavaTimeModule writes them with {@code
 * WRITE_DATES_AS_TIMESTAMPS} disabled ({@code DateTimeFormatter.ISO_INSTANT}, e.g. {@code
 * 2020-05-01T04:55:02Z}, {@code 2020-05-01T04:55:02.120Z}, {@code 2020-05-01T04:55:02.000000500Z}).
 */
final class JsonWriting {

  private JsonWriting() {}

  /** Last second of 9999-12-31 UTC: the fast format covers 1970 to 9999 (four-digit years). */
  private static final long MAX_FAST_EPOCH_SECOND = 253_402_300_799L;

  /**
   * Formats {@code v} as {@code ISO_INSTANT} does into {@code buf} (at least 30 chars) and returns
   * the length, or 0 when the instant is outside 1970-9999 (then {@link Instant#toString()} does
   * it). Fractions come in groups of three digits, as few as the nanos need.
   */
  static int isoInstant(Instant v, char[] buf) {
    byte[] bytes = new byte[30];
    int len = isoInstant(v, bytes, 0);
    if (len < 0) {
      return 0;
    }
    for (int i = 0; i < len; i++) {
      buf[i] = (char) bytes[i];
    }
    return len;
  }

  /**
   * Formats {@code v} as {@code ISO_INSTANT} does, in ASCII, into {@code buf} from {@code off} (30
   * bytes room) and returns the offset after it, or -1 when the instant is outside 1970-9999.
   */
  static int isoInstant(Instant v, byte[] buf, int off) {
    long seconds = v.getEpochSecond();
    if (seconds < 0 || seconds > MAX_FAST_EPOCH_SECOND) {
      return -1;
    }
    long days = seconds / 86_400;
    int secondOfDay = (int) (seconds - days * 86_400);
    // civil date from days since 1970-01-01 (H. Hinnant's algorithm, non-negative days)
    long z = days + 719_468;
    long era = z / 146_097;
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int day = (int) (doy - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    int year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
    int p = off;
    p = pair(buf, p, year / 100);
    p = pair(buf, p, year % 100);
    buf[p++] = '-';
    p = pair(buf, p, month);
    buf[p++] = '-';
    p = pair(buf, p, day);
    buf[p++] = 'T';
    p = pair(buf, p, secondOfDay / 3600);
    buf[p++] = ':';
    p = pair(buf, p, (secondOfDay / 60) % 60);
    buf[p++] = ':';
    p = pair(buf, p, secondOfDay % 60);
    int nanos = v.getNano();
    if (nanos > 0) {
      buf[p++] = '.';
      if (nanos % 1_000_000 == 0) {
        p = digits(buf, p, nanos / 1_000_000, 3);
      } else if (nanos % 1000 == 0) {
        p = digits(buf, p, nanos / 1000, 6);
      } else {
        p = digits(buf, p, nanos, 9);
      }
    }
    buf[p++] = 'Z';
    return p;
  }

  /** "00" to "99". */
  private static final byte[] PAIRS = new byte[200];

  static {
    for (int i = 0; i < 100; i++) {
      PAIRS[2 * i] = (byte) ('0' + i / 10);
      PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
    }
  }

  /** Two digits of {@code value} (0 to 99). */
  private static int pair(byte[] buf, int at, int value) {
    buf[at] = PAIRS[2 * value];
    buf[at + 1] = PAIRS[2 * value + 1];
    return at + 2;
  }

  private static int digits(byte[] buf, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      buf[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    return at + width;
  }
}
