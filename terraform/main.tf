data "google_project" "this" {
  project_id = var.project_id
}

locals {
  apps = {
    producer    = "producer"
    streams     = "streams"
    recommender = "recommender"
    connect     = "connect"
  }

  registry = "${var.region}-docker.pkg.dev/${var.project_id}/${google_artifact_registry_repository.images.repository_id}"
  images = {
    producer    = "${local.registry}/producer:${var.image_tag}"
    streams     = "${local.registry}/streams:${var.image_tag}"
    recommender = "${local.registry}/recommender:${var.image_tag}"
    connect     = "${local.registry}/connect:${var.image_tag}"
  }

  # Managed Kafka's bootstrap address (SASL_SSL, Google OAuth through the login handler).
  kafka_bootstrap = "bootstrap.${google_managed_kafka_cluster.main.cluster_id}.${var.region}.managedkafka.${var.project_id}.cloud.goog:9092"

  # Client settings every app reads from its environment (see README "GCP").
  kafka_client_env = {
    KAFKA_BOOTSTRAP_SERVERS                  = local.kafka_bootstrap
    KAFKA_SECURITY_PROTOCOL                  = "SASL_SSL"
    KAFKA_SASL_MECHANISM                     = "OAUTHBEARER"
    KAFKA_SASL_LOGIN_CALLBACK_HANDLER_CLASS  = "com.google.cloud.hosted.kafka.auth.GcpLoginCallbackHandler"
    KAFKA_SASL_JAAS_CONFIG                   = "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;"
    KAFKA_TOPIC_REPLICATION_FACTOR           = tostring(var.kafka_replication_factor)
    KAFKA_INTERNAL_TOPICS_REPLICATION_FACTOR = tostring(var.kafka_replication_factor)
  }

  labels = {
    app        = "game-data-platform"
    managed-by = "terraform"
  }
}

resource "google_project_service" "apis" {
  for_each = toset([
    "artifactregistry.googleapis.com",
    "bigquery.googleapis.com",
    "cloudscheduler.googleapis.com",
    "compute.googleapis.com",
    "iam.googleapis.com",
    "logging.googleapis.com",
    "managedkafka.googleapis.com",
    "monitoring.googleapis.com",
    "run.googleapis.com",
    "secretmanager.googleapis.com",
    "storage.googleapis.com",
  ])
  project            = var.project_id
  service            = each.value
  disable_on_destroy = false
}

resource "google_artifact_registry_repository" "images" {
  location      = var.region
  repository_id = "${var.name_prefix}-images"
  description   = "Container images of the game-data platform (pushed by .github/workflows/deploy.yml)."
  format        = "DOCKER"
  labels        = local.labels

  cleanup_policies {
    id     = "delete-old"
    action = "DELETE"
    condition {
      tag_state  = "ANY"
      older_than = "2592000s"
    }
  }

  cleanup_policies {
    id     = "keep-recent"
    action = "KEEP"
    most_recent_versions {
      keep_count = 20
    }
  }

  depends_on = [google_project_service.apis]
}
