package io.gamedata.recommender.browse;

import io.gamedata.contracts.enriched.EnrichedGame;
import io.gamedata.contracts.similar.SimilarGames;
import io.gamedata.recommender.engine.Candidate;
import io.gamedata.recommender.engine.EngineState;
import io.gamedata.recommender.engine.EngineStats;
import io.gamedata.recommender.engine.Query;
import io.gamedata.recommender.engine.ScoredGame;
import io.gamedata.recommender.engine.SimilarityEngine;
import io.gamedata.recommender.engine.UpdateResult;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The engine as its writer sees it: every write also goes to the {@link Catalogue} (franchises,
 * series, filter choices) and every single write to the {@link ChangeFeed} (a game arrived, changed
 * or left; a full build, restore or state import replaces the whole content and is not a list of
 * arrivals). Reads pass through unchanged; readers may use the engine itself.
 */
public final class TrackedEngine implements SimilarityEngine {

  private final SimilarityEngine engine;
  private final Catalogue catalogue;
  private final ChangeFeed feed;

  public TrackedEngine(SimilarityEngine engine, Catalogue catalogue, ChangeFeed feed) {
    this.engine = engine;
    this.catalogue = catalogue;
    this.feed = feed;
  }

  @Override
  public UpdateResult upsert(EnrichedGame game) {
    Optional<EnrichedGame> before = engine.game(game.id());
    UpdateResult u = engine.upsert(game);
    before.ifPresent(catalogue::remove);
    catalogue.add(game);
    feed.add(
        before.isPresent() ? Change.Kind.CHANGED : Change.Kind.NEW,
        game.id(),
        game.name(),
        engine.size());
    return u;
  }

  @Override
  public UpdateResult delete(long id) {
    Optional<EnrichedGame> before = engine.game(id);
    UpdateResult u = engine.delete(id);
    if (before.isPresent()) {
      catalogue.remove(before.get());
      feed.add(Change.Kind.DELETED, id, before.get().name(), engine.size());
    }
    return u;
  }

  @Override
  public UpdateResult buildAll(Collection<EnrichedGame> games) {
    UpdateResult u = engine.buildAll(games);
    catalogue.reset(games);
    return u;
  }

  @Override
  public UpdateResult settle(boolean wait) {
    return engine.settle(wait);
  }

  @Override
  public Optional<EnrichedGame> game(long id) {
    return engine.game(id);
  }

  @Override
  public int size() {
    return engine.size();
  }

  @Override
  public List<ScoredGame> similar(long id, Query filters, int limit) {
    return engine.similar(id, filters, limit);
  }

  @Override
  public List<ScoredGame> recommend(
      Collection<Long> liked, Collection<Long> disliked, Query filters, int limit) {
    return engine.recommend(liked, disliked, filters, limit);
  }

  @Override
  public List<Candidate> candidates(long id, int n) {
    return engine.candidates(id, n);
  }

  @Override
  public Optional<SimilarGames> list(long id) {
    return engine.list(id);
  }

  @Override
  public List<SimilarGames> snapshot() {
    return engine.snapshot();
  }

  @Override
  public UpdateResult restore(Collection<EnrichedGame> games, Collection<SimilarGames> lists) {
    UpdateResult u = engine.restore(games, lists);
    catalogue.reset(games);
    return u;
  }

  @Override
  public EngineState exportState() {
    return engine.exportState();
  }

  @Override
  public UpdateResult importState(EngineState state) {
    UpdateResult u = engine.importState(state);
    catalogue.reset(state.games());
    return u;
  }

  @Override
  public List<EnrichedGame> searchByName(String prefix, int limit) {
    return engine.searchByName(prefix, limit);
  }

  @Override
  public long idfGeneration() {
    return engine.idfGeneration();
  }

  @Override
  public EngineStats stats() {
    return engine.stats();
  }
}
