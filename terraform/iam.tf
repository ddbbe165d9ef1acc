# One service account per app, each with only what it needs.
#   producer    : Kafka client, IGDB + webhook secrets, write raw dumps
#   streams     : Kafka client
#   recommender : Kafka client
#   connect     : Kafka client, write the dataset's tables, run BigQuery jobs (MERGE)
#   sync-trigger: start the daily sync job (unless CF_SERVICE_ACCOUNT names an existing one)
resource "google_service_account" "app" {
  for_each     = local.apps
  account_id   = "${var.name_prefix}-${each.value}"
  display_name = "game-data platform: ${each.value}"
}

resource "google_service_account" "sync_trigger" {
  count        = var.sync_trigger_service_account == "" ? 1 : 0
  account_id   = "${var.name_prefix}-sync-trigger"
  display_name = "game-data platform: starts the daily sync job"
}

locals {
  sync_trigger_email = var.sync_trigger_service_account != "" ? var.sync_trigger_service_account : google_service_account.sync_trigger[0].email
}

# Managed Kafka data plane (produce/consume, consumer groups, Streams internal topics).
resource "google_project_iam_member" "kafka_client" {
  for_each = local.apps
  project  = var.project_id
  role     = "roles/managedkafka.client"
  member   = "serviceAccount:${google_service_account.app[each.key].email}"
}

# Logs and metrics written by every app.
resource "google_project_iam_member" "log_writer" {
  for_each = local.apps
  project  = var.project_id
  role     = "roles/logging.logWriter"
  member   = "serviceAccount:${google_service_account.app[each.key].email}"
}

resource "google_project_iam_member" "metric_writer" {
  for_each = local.apps
  project  = var.project_id
  role     = "roles/monitoring.metricWriter"
  member   = "serviceAccount:${google_service_account.app[each.key].email}"
}

# Producer: its three secrets, nothing else.
resource "google_secret_manager_secret_iam_member" "producer" {
  for_each  = google_secret_manager_secret.app
  secret_id = each.value.id
  role      = "roles/secretmanager.secretAccessor"
  member    = "serviceAccount:${google_service_account.app["producer"].email}"
}

# Producer: create and read raw dumps in its bucket (no delete: lifecycle rules delete).
resource "google_storage_bucket_iam_member" "producer_raw_create" {
  bucket = google_storage_bucket.raw_dumps.name
  role   = "roles/storage.objectCreator"
  member = "serviceAccount:${google_service_account.app["producer"].email}"
}

resource "google_storage_bucket_iam_member" "producer_raw_read" {
  bucket = google_storage_bucket.raw_dumps.name
  role   = "roles/storage.objectViewer"
  member = "serviceAccount:${google_service_account.app["producer"].email}"
}

# Connector: edit tables of the catalogue dataset only, and run the MERGE/load jobs.
resource "google_bigquery_dataset_iam_member" "connect_editor" {
  dataset_id = google_bigquery_dataset.catalogue.dataset_id
  role       = "roles/bigquery.dataEditor"
  member     = "serviceAccount:${google_service_account.app["connect"].email}"
}

resource "google_project_iam_member" "connect_job_user" {
  project = var.project_id
  role    = "roles/bigquery.jobUser"
  member  = "serviceAccount:${google_service_account.app["connect"].email}"
}

# Sync trigger: may run the sync job and nothing else.
resource "google_cloud_run_v2_job_iam_member" "sync_trigger" {
  name     = google_cloud_run_v2_job.sync.name
  location = var.region
  role     = "roles/run.invoker"
  member   = "serviceAccount:${local.sync_trigger_email}"
}

# CI deployer (CLOUD_RUN_SERVICE_ACCOUNT): deploy revisions that run as the app accounts.
resource "google_project_iam_member" "deployer_run" {
  count   = var.deployer_service_account == "" ? 0 : 1
  project = var.project_id
  role    = "roles/run.developer"
  member  = "serviceAccount:${var.deployer_service_account}"
}

resource "google_service_account_iam_member" "deployer_act_as" {
  for_each           = var.deployer_service_account == "" ? {} : local.apps
  service_account_id = google_service_account.app[each.key].name
  role               = "roles/iam.serviceAccountUser"
  member             = "serviceAccount:${var.deployer_service_account}"
}

resource "google_artifact_registry_repository_iam_member" "deployer_push" {
  count      = var.deployer_service_account == "" ? 0 : 1
  location   = google_artifact_registry_repository.images.location
  repository = google_artifact_registry_repository.images.name
  role       = "roles/artifactregistry.writer"
  member     = "serviceAccount:${var.deployer_service_account}"
}
