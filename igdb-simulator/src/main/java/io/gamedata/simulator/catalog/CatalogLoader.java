package io.gamedata.simulator.catalog;

import com.fasterxml.jackson.databind.MappingIterator;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.contracts.json.Json;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads real IGDB records: a JSON array (as the API answers) or NDJSON (one record per line), one
 * file per endpoint named {@code <endpoint>.json} or {@code <endpoint>.jsonl}/{@code .ndjson}.
 * Unknown fields are kept, both schema generations are accepted.
 */
public final class CatalogLoader {

  private CatalogLoader() {}

  /**
   * Loads every {@code <endpoint>.json|.jsonl|.ndjson} file of a directory (files of other names
   * are ignored) into a new catalogue.
   *
   * @throws IllegalArgumentException when the directory holds no endpoint file
   */
  public static Catalog loadDirectory(Path dir) {
    Catalog catalog = new Catalog();
    loadDirectoryInto(catalog, dir);
    return catalog;
  }

  /** Like {@link #loadDirectory} but adds to (and replaces ids of) an existing catalogue. */
  public static int loadDirectoryInto(Catalog catalog, Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("not a directory: " + dir);
    }
    int files = 0;
    for (IgdbEndpoint e : IgdbEndpoint.values()) {
      for (String ext : new String[] {".json", ".jsonl", ".ndjson"}) {
        Path f = dir.resolve(e.path() + ext);
        if (Files.isRegularFile(f)) {
          catalog.putAll(e, read(e, f));
          files++;
        }
      }
    }
    if (files == 0) {
      throw new IllegalArgumentException(
          "no <endpoint>.json/.jsonl file (games.json, genres.json, ...) in " + dir);
    }
    return files;
  }

  /** The endpoint a file name stands for ({@code games.jsonl} -> GAMES). */
  public static Optional<IgdbEndpoint> endpointOf(Path file) {
    String name = file.getFileName().toString();
    int dot = name.indexOf('.');
    return IgdbEndpoint.fromPath(dot < 0 ? name : name.substring(0, dot));
  }

  /** Reads one file of records of one endpoint. */
  public static List<IgdbRecord> read(IgdbEndpoint endpoint, Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(endpoint, in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads records of one endpoint from a JSON array or NDJSON stream. */
  public static List<IgdbRecord> read(IgdbEndpoint endpoint, InputStream in) {
    List<IgdbRecord> out = new ArrayList<>();
    try (MappingIterator<? extends IgdbRecord> it =
        Json.mapper().readerFor(endpoint.model()).readValues(new BufferedInputStream(in))) {
      while (it.hasNextValue()) {
        out.add(it.nextValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "invalid " + endpoint.path() + " records: " + e.getMessage(), e);
    }
    return out;
  }
}
