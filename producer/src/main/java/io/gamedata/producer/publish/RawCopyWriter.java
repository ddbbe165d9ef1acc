package io.gamedata.producer.publish;

import io.gamedata.contracts.igdb.IgdbEndpoint;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * The optional raw copy: one {@code <endpoint>.ndjson.gz} per endpoint, one record per line as
 * fetched. A resumed run appends a new gzip member (readers see one stream); a killed run may leave
 * a truncated last member, which {@link io.gamedata.producer.report.RawCopyReader} tolerates.
 */
public final class RawCopyWriter implements AutoCloseable {

  private final Path dir;
  private final Map<IgdbEndpoint, OutputStream> outs = new EnumMap<>(IgdbEndpoint.class);

  public RawCopyWriter(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create raw copy directory " + dir, e);
    }
  }

  public static Path fileOf(Path dir, IgdbEndpoint endpoint) {
    return dir.resolve(endpoint.path() + ".ndjson.gz");
  }

  /** Appends the records of one page. */
  public synchronized void write(IgdbEndpoint endpoint, List<byte[]> records) {
    try {
      OutputStream out = outs.get(endpoint);
      if (out == null) {
        out =
            new GZIPOutputStream(
                new BufferedOutputStream(
                    Files.newOutputStream(
                        fileOf(dir, endpoint),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND),
                    64 * 1024),
                64 * 1024);
        outs.put(endpoint, out);
      }
      for (byte[] r : records) {
        out.write(r);
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the raw copy of " + endpoint.path(), e);
    }
  }

  @Override
  public synchronized void close() {
    IOException first = null;
    for (OutputStream out : outs.values()) {
      try {
        out.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    outs.clear();
    if (first != null) {
      throw new UncheckedIOException("Cannot close the raw copy", first);
    }
  }
}
