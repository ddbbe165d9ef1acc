<<<<<<< HEAD
-- Generated from io.gamedata.connect.schema.GameColumns by WarehouseDdl: do not edit by hand.
-- Current state, one row per game id, maintained by kcbq's MERGE (upsert + delete).
CREATE TABLE IF NOT EXISTS `${project}.${dataset}.games` (
  schema_version INT64 NOT NULL OPTIONS (description = "Document version (1)."),
  id INT64 NOT NULL OPTIONS (description = "IGDB game id; also the Kafka key."),
  name STRING NOT NULL OPTIONS (description = "Game name."),
  slug STRING,
  summary STRING,
  storyline STRING,
  url STRING,
  first_release_date TIMESTAMP OPTIONS (description = "Instant (UTC) of the first release."),
  release_year INT64,
  created_at TIMESTAMP,
  updated_at TIMESTAMP OPTIONS (description = "IGDB updated_at of the source record."),
  rating FLOAT64,
  rating_count INT64,
  aggregated_rating FLOAT64,
  aggregated_rating_count INT64,
  total_rating FLOAT64,
  total_rating_count INT64,
  hypes INT64,
  game_type_id INT64,
  game_type STRING,
  game_status_id INT64,
  game_status STRING,
  parent_game_id INT64,
  version_parent_id INT64,
  version_title STRING,
  genres ARRAY<STRING>,
  themes ARRAY<STRING>,
  game_modes ARRAY<STRING>,
  player_perspectives ARRAY<STRING>,
  platforms ARRAY<STRING>,
  keywords ARRAY<STRING>,
  developers ARRAY<STRING>,
  publishers ARRAY<STRING>,
  franchises ARRAY<STRING>,
  collections ARRAY<STRING>,
  game_engines ARRAY<STRING>,
  cover_image_id STRING,
  cover_url STRING,
  similar_games ARRAY<INT64> OPTIONS (description = "IGDB's own similar_games ids."),
  missing_references ARRAY<STRING> OPTIONS (description = "Unresolved references as <endpoint>:<id>."),
  source_checksum STRING,
  content_hash STRING OPTIONS (description = "Fingerprint of the content fields."),
  kafka_key STRUCT<id INT64> OPTIONS (description = "Kafka key (the game id); kcbq MERGE key.")
)
CLUSTER BY id
OPTIONS (description = "Current state of every game (EnrichedGame v1).");
=======
-- PLACEHOLDER written by the deploy engineer so that deploy-checks can run; the connect
-- module's version replaces it. ${project} and ${dataset} are filled in by terraform.
CREATE TABLE IF NOT EXISTS `${project}.${dataset}.games` (
  id INT64 NOT NULL OPTIONS (description = 'IGDB game id'),
  schema_version INT64 NOT NULL,
  name STRING,
  first_release_date TIMESTAMP,
  updated_at TIMESTAMP,
  total_rating FLOAT64,
  genres ARRAY<STRING>,
  platforms ARRAY<STRING>
)
CLUSTER BY id;
>>>>>>> wip/deploy
