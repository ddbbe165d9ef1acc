-- Generated from io.gamedata.connect.schema.GameColumns by WarehouseDdl: do not edit by hand.
-- Current state rebuilt from the changelog: the last version per id, deletes excluded.
-- (Ordering by offset is valid because every version of an id is in one partition.)
CREATE OR REPLACE VIEW `${project}.${dataset}.games_current` AS
SELECT schema_version, id, name, slug, summary, storyline, url, first_release_date, release_year, created_at, updated_at, rating, rating_count, aggregated_rating, aggregated_rating_count, total_rating, total_rating_count, hypes, game_type_id, game_type, game_status_id, game_status, parent_game_id, version_parent_id, version_title, genres, themes, game_modes, player_perspectives, platforms, keywords, developers, publishers, franchises, collections, game_engines, cover_image_id, cover_url, similar_games, missing_references, source_checksum, content_hash
FROM (
  SELECT *
  FROM `${project}.${dataset}.games_changelog`
  WHERE TRUE
  QUALIFY ROW_NUMBER() OVER (PARTITION BY id ORDER BY kafka_offset DESC) = 1
)
WHERE operation = 'UPSERT';
