-- PLACEHOLDER written by the deploy engineer so that deploy-checks can run; the connect
-- module's version replaces it. Ingestion-time partitions: kcbq writes with partition decorators.
CREATE TABLE IF NOT EXISTS `${project}.${dataset}.games_changelog` (
  id INT64 NOT NULL,
  operation STRING NOT NULL,
  game STRUCT<name STRING, genres ARRAY<STRING>>,
  kafka_topic STRING NOT NULL,
  kafka_partition INT64 NOT NULL,
  kafka_offset INT64 NOT NULL,
  ingested_at TIMESTAMP NOT NULL
)
PARTITION BY _PARTITIONDATE
CLUSTER BY id;
