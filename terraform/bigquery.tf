# Tables and view come from the shared files of the connect module: the JSON schemas for the
# columns (read with file(), never copied here) and the view DDL for games_current.
# deploy-checks checks that the JSON schemas and the CREATE TABLE DDL list the same columns.

locals {
  bigquery_dir = "${path.module}/${var.bigquery_schema_dir}"

  # games_current_view.sql is "CREATE OR REPLACE VIEW `${project}.${dataset}.games_current` AS <query>";
  # the view resource needs only <query>, with the placeholders filled in.
  games_current_ddl = templatefile("${local.bigquery_dir}/games_current_view.sql", {
    project = var.project_id
    dataset = var.bigquery_dataset_id
  })
  games_current_query = trimspace(regex("(?is)CREATE\\s+(?:OR\\s+REPLACE\\s+)?VIEW\\s+\\S+\\s+AS\\s+(.*?);?\\s*$", replace(local.games_current_ddl, "/(?m)--.*$/", ""))[0])
}

resource "google_bigquery_dataset" "catalogue" {
  dataset_id  = var.bigquery_dataset_id
  location    = var.bigquery_location
  description = "Game catalogue loaded from games.enriched by the BigQuery sink connector (kcbq)."
  labels      = local.labels

  depends_on = [google_project_service.apis]
}

# Current state, one row per game id, kept by kcbq's upsert/delete MERGE. Small: not partitioned.
resource "google_bigquery_table" "games" {
  dataset_id          = google_bigquery_dataset.catalogue.dataset_id
  table_id            = "games"
  description         = "Current state of every game (one row per id)."
  schema              = file("${local.bigquery_dir}/schema/games.json")
  clustering          = ["id"]
  deletion_protection = true
  labels              = local.labels
}

# Append-only history of every enriched version: partitioned by ingestion day, clustered by id.
resource "google_bigquery_table" "games_changelog" {
  dataset_id          = google_bigquery_dataset.catalogue.dataset_id
  table_id            = "games_changelog"
  description         = "Every enriched version of every game, with operation and Kafka coordinates."
  schema              = file("${local.bigquery_dir}/schema/games_changelog.json")
  clustering          = ["id"]
  deletion_protection = true
  labels              = local.labels

  time_partitioning {
    type          = "DAY"
    expiration_ms = var.changelog_partition_expiration_days > 0 ? var.changelog_partition_expiration_days * 86400000 : null
  }
}

resource "google_bigquery_table" "games_current" {
  dataset_id          = google_bigquery_dataset.catalogue.dataset_id
  table_id            = "games_current"
  description         = "Current state rebuilt from games_changelog (latest offset per id)."
  deletion_protection = false
  labels              = local.labels

  view {
    query          = local.games_current_query
    use_legacy_sql = false
  }

  depends_on = [google_bigquery_table.games_changelog]
}
