variable "project_id" {
  description = "GCP project id (GitHub secret GCP_PROJECT_ID)."
  type        = string
}

variable "region" {
  description = "Region for Cloud Run, Managed Kafka, Artifact Registry and the bucket (GitHub secret GCP_REGION)."
  type        = string
  default     = "europe-west1"
}

variable "name_prefix" {
  description = "Prefix of every resource name, so several environments can share a project."
  type        = string
  default     = "gamedata"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,14}$", var.name_prefix))
    error_message = "name_prefix: 2-15 lower-case letters, digits or '-', starting with a letter."
  }
}

variable "image_tag" {
  description = "Tag of the app images in Artifact Registry (CI passes the commit SHA)."
  type        = string
  default     = "latest-main"
}

variable "deployer_service_account" {
  description = "Email of the account that deploys new Cloud Run revisions from CI (GitHub secret CLOUD_RUN_SERVICE_ACCOUNT). Empty: no grant."
  type        = string
  default     = ""
}

variable "sync_trigger_service_account" {
  description = "Email of the account Cloud Scheduler uses to start the daily sync job (GitHub secret CF_SERVICE_ACCOUNT, the function account of the original plan). Empty: terraform creates one."
  type        = string
  default     = ""
}

# ---- BigQuery ---------------------------------------------------------------------------
variable "bigquery_dataset_id" {
  description = "BigQuery dataset holding games, games_changelog and games_current."
  type        = string
  default     = "gamedata"
}

variable "bigquery_location" {
  description = "BigQuery dataset location (multi-region EU/US or a region)."
  type        = string
  default     = "EU"
}

variable "bigquery_schema_dir" {
  description = "Folder of the shared BigQuery schema and DDL (one source of truth with the connect module)."
  type        = string
  default     = "../connect/src/main/resources/bigquery"
}

variable "changelog_partition_expiration_days" {
  description = "Days a games_changelog partition is kept; 0 keeps them forever."
  type        = number
  default     = 0
}

# ---- GCS --------------------------------------------------------------------------------
variable "raw_dump_nearline_after_days" {
  description = "Raw IGDB dumps move to NEARLINE after this many days."
  type        = number
  default     = 30
}

variable "raw_dump_delete_after_days" {
  description = "Raw IGDB dumps are deleted after this many days."
  type        = number
  default     = 365
}

# ---- Kafka ------------------------------------------------------------------------------
variable "kafka_topics" {
  description = "Topics with partitions and topic configs. Set by topics.auto.tfvars.json, which is GENERATED from the contracts (Topics) by deploy-checks: do not edit by hand."
  type = map(object({
    partitions = number
    configs    = map(string)
  }))
}

variable "kafka_vcpu_count" {
  description = "vCPUs of the Managed Kafka cluster (3 at least)."
  type        = number
  default     = 3
}

variable "kafka_memory_gib" {
  description = "Memory of the Managed Kafka cluster in GiB (1 to 8 per vCPU)."
  type        = number
  default     = 3
}

variable "kafka_replication_factor" {
  description = "Replication factor of every topic."
  type        = number
  default     = 3
}

variable "subnetwork" {
  description = "Subnetwork (name in var.region) through which Cloud Run reaches Managed Kafka."
  type        = string
  default     = "default"
}

variable "network" {
  description = "VPC network of var.subnetwork."
  type        = string
  default     = "default"
}

# ---- Apps -------------------------------------------------------------------------------
variable "igdb_base_url" {
  description = "IGDB API base URL used by the producer."
  type        = string
  default     = "https://api.igdb.com/v4"
}

variable "daily_sync_schedule" {
  description = "Cron schedule (Cloud Scheduler) of the daily incremental sync."
  type        = string
  default     = "15 3 * * *"
}

variable "schedule_time_zone" {
  description = "Time zone of daily_sync_schedule."
  type        = string
  default     = "Etc/UTC"
}

variable "recommender_public" {
  description = "Allow unauthenticated calls to the recommender API and web page."
  type        = bool
  default     = true
}

variable "recommender_max_instances" {
  description = "Maximum recommender instances (each holds the full similarity index)."
  type        = number
  default     = 3
}

# ---- Monitoring -------------------------------------------------------------------------
variable "alert_emails" {
  description = "Email addresses notified by the alert policies."
  type        = list(string)
  default     = []
}

variable "consumer_lag_threshold" {
  description = "Alert when a consumer group lags more than this many records for 10 minutes."
  type        = number
  default     = 50000
}

variable "recommender_latency_p95_ms" {
  description = "Alert when the recommender's p95 request latency exceeds this for 10 minutes."
  type        = number
  default     = 500
}

variable "kafka_consumer_lag_metric" {
  description = "Cloud Monitoring metric type of the consumer group lag of Managed Kafka (not verified here: check Metrics Explorer)."
  type        = string
  default     = "managedkafka.googleapis.com/consumer_lag"
}

variable "kafka_topic_messages_metric" {
  description = "Cloud Monitoring metric type counting messages written per topic (not verified here: check Metrics Explorer)."
  type        = string
  default     = "managedkafka.googleapis.com/message_in_count"
}
