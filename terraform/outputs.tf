output "recommender_url" {
  description = "Public URL of the recommender API and web page."
  value       = google_cloud_run_v2_service.recommender.uri
}

output "webhook_url" {
  description = "URL to register as the IGDB webhook endpoint (append the path the producer serves)."
  value       = google_cloud_run_v2_service.webhook.uri
}

output "kafka_bootstrap_servers" {
  description = "Bootstrap address of the Managed Kafka cluster (reachable from the VPC only)."
  value       = local.kafka_bootstrap
}

output "bigquery_dataset" {
  description = "project.dataset of the catalogue tables."
  value       = "${var.project_id}.${google_bigquery_dataset.catalogue.dataset_id}"
}

output "raw_dump_bucket" {
  description = "GCS bucket of the raw IGDB dumps."
  value       = google_storage_bucket.raw_dumps.url
}

output "artifact_registry" {
  description = "Docker registry path the workflow pushes the images to."
  value       = local.registry
}

output "service_accounts" {
  description = "Service account email per app."
  value       = { for k, sa in google_service_account.app : k => sa.email }
}

output "secret_ids" {
  description = "Secret Manager secrets to fill with gcloud secrets versions add."
  value       = { for k, s in google_secret_manager_secret.app : k => s.secret_id }
}

output "sync_job" {
  description = "Cloud Run job of the daily sync (gcloud run jobs execute to run it now)."
  value       = google_cloud_run_v2_job.sync.name
}
