package io.gamedata.platform.component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.contracts.json.Json;
import io.gamedata.simulator.IgdbSimulator;
import io.gamedata.simulator.catalog.Catalog;
import io.gamedata.simulator.catalog.CatalogChange;
import io.gamedata.simulator.catalog.SyntheticCatalog;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local IGDB: a deterministic synthetic catalogue of {@code --games} games served with IGDB's
 * real limits (4 requests/s, 8 open) and webhooks. Like the real IGDB it remembers its changes:
 * every change (new games, updates, deletes of the demo or the live feed) is journalled to {@code
 * --data-dir/changes.ndjson} and replayed on the next start, so a restarted platform finds the same
 * catalogue it left. Client id and secret come from the environment.
 */
public final class SimulatorComponent implements Component {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatorComponent.class);
  private IgdbSimulator simulator;
  private BufferedWriter journal;

  @Override
  public void start(ComponentSettings s) throws IOException {
    Catalog catalog =
        SyntheticCatalog.generate(s.integer("games"), Long.parseLong(s.string("seed", "42")));
    Path dir = Files.createDirectories(s.path("data-dir"));
    Path journalFile =
        dir.resolve("changes-" + s.integer("games") + "-" + s.string("seed", "42") + ".ndjson");
    int replayed = replay(catalog, journalFile);
    if (replayed > 0) {
      LOG.info("replayed {} catalogue changes from {}", replayed, journalFile);
    }
    journal =
        Files.newBufferedWriter(
            journalFile,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
    catalog.addListener(this::record);
    simulator =
        IgdbSimulator.builder()
            .catalog(catalog)
            .clientId(System.getenv("TWITCH_CLIENT_ID"))
            .clientSecret(System.getenv("TWITCH_CLIENT_SECRET"))
            .port(s.integer("port"))
            .rateLimit(s.integer("rate-limit", 4))
            .maxOpenRequests(s.integer("max-open", 8))
            .build()
            .start();
  }

  private synchronized void record(CatalogChange c) {
    try {
      ObjectNode line = Json.mapper().createObjectNode();
      line.put("endpoint", c.endpoint().path());
      line.put("kind", c.kind().name());
      line.put("id", c.id());
      if (c.kind() != CatalogChange.Kind.DELETED && c.record() != null) {
        line.set("record", Json.mapper().valueToTree(c.record()));
      }
      journal.write(Json.mapper().writeValueAsString(line));
      journal.newLine();
      journal.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot journal a catalogue change", e);
    }
  }

  static int replay(Catalog catalog, Path journalFile) throws IOException {
    if (!Files.exists(journalFile)) {
      return 0;
    }
    int n = 0;
    try (BufferedReader r = Files.newBufferedReader(journalFile, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = Json.mapper().readTree(line);
        } catch (IOException e) {
          LOG.warn("skipping a torn last line of {}", journalFile);
          continue; // a crash mid-write leaves at most a partial last line
        }
        IgdbEndpoint endpoint =
            IgdbEndpoint.fromPath(node.path("endpoint").asText())
                .orElseThrow(() -> new IOException("unknown endpoint in " + journalFile));
        if ("DELETED".equals(node.path("kind").asText())) {
          catalog.remove(endpoint, node.path("id").asLong());
        } else {
          IgdbRecord rec = Json.mapper().treeToValue(node.get("record"), endpoint.model());
          catalog.put(endpoint, rec);
        }
        n++;
      }
    }
    return n;
  }

  @Override
  public void close() throws IOException {
    if (simulator != null) {
      simulator.close();
    }
    synchronized (this) {
      if (journal != null) {
        journal.close();
      }
    }
  }
}
