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
