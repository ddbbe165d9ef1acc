package io.gamedata.simulator.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gamedata.contracts.igdb.IgdbEndpoint;
import io.gamedata.contracts.igdb.IgdbGame;
import io.gamedata.contracts.igdb.IgdbRecord;
import io.gamedata.contracts.json.Json;
import io.gamedata.simulator.catalog.Catalog;
import io.gamedata.simulator.catalog.Checksums;
import io.gamedata.simulator.catalog.GameFactory;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Live-mode changes for a catalogue of real records (no generator): a new game is a copy of a
 * random game under a new id and name; an update edits the summary.
 */
final class CopyingGameFactory implements GameFactory {

  private long lastId;

  @Override
  public synchronized NewGame newGame(Catalog catalog, long nowSeconds, SplittableRandom rng) {
    long id = Math.max(lastId, catalog.maxId(IgdbEndpoint.GAMES)) + 1;
    lastId = id;
    var games = catalog.view(IgdbEndpoint.GAMES);
    ObjectNode n;
    if (games.isEmpty()) {
      n = Json.mapper().createObjectNode();
      n.put("name", "New Game");
    } else {
      Map.Entry<Long, IgdbRecord> e =
          games.ceilingEntry(
              games.firstKey() + rng.nextLong(games.lastKey() - games.firstKey() + 1));
      n = Json.mapper().valueToTree(e.getValue());
      n.put("name", n.path("name").asText("Game") + " (" + id + ")");
    }
    n.put("id", id);
    n.put("slug", "game-" + id);
    n.put("created_at", nowSeconds);
    n.remove("checksum");
    n.remove("updated_at");
    return new NewGame(restamp(n, nowSeconds), null, List.of());
  }

  @Override
  public IgdbGame update(IgdbGame game, long nowSeconds, SplittableRandom rng) {
    ObjectNode n = Json.mapper().valueToTree(game);
    n.put("summary", n.path("summary").asText("") + " Updated " + rng.nextInt(1_000_000) + ".");
    return restamp(n, nowSeconds);
  }

  private static IgdbGame restamp(ObjectNode n, long now) {
    n.remove("checksum");
    n.remove("updated_at");
    IgdbGame g = Json.mapper().convertValue(n, IgdbGame.class);
    n.put("checksum", Checksums.compute(g));
    n.put("updated_at", now);
    return Json.mapper().convertValue(n, IgdbGame.class);
  }
}
