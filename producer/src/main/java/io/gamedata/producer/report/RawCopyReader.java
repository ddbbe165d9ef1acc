package io.gamedata.producer.report;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads an {@code <endpoint>.ndjson.gz} raw copy line by line. Concatenated gzip members (resumed
 * runs) read as one stream; a truncated last member (a killed run) ends the read, reported as
 * {@code truncated}.
 */
public final class RawCopyReader {

  private RawCopyReader() {}

  /** Calls {@code line} for each complete line; returns true when the file ended truncated. */
  public static boolean forEachLine(Path file, Consumer<String> line) throws IOException {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 64 * 1024),
                StandardCharsets.UTF_8))) {
      String prev = null;
      try {
        String l;
        while ((l = r.readLine()) != null) {
          if (prev != null) {
            line.accept(prev);
          }
          prev = l;
        }
      } catch (EOFException | ZipException e) {
        return true; // the last, possibly partial, line is dropped
      }
      if (prev != null) {
        line.accept(prev);
      }
      return false;
    }
  }
}
