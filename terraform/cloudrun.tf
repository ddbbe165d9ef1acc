# Services and the daily sync job. The images come from .github/workflows/deploy.yml; each runs
# as its own service account and reaches Managed Kafka through the VPC (direct VPC egress).
#
# Long-running consumers (streams, recommender, connect) keep one instance with CPU always
# allocated (cpu_idle = false, min_instance_count >= 1) so they keep consuming between requests.

locals {
  vpc_egress = {
    network    = var.network
    subnetwork = var.subnetwork
  }
}

# ---- recommender: HTTP API + web page ---------------------------------------------------
resource "google_cloud_run_v2_service" "recommender" {
  name                = "${var.name_prefix}-recommender"
  location            = var.region
  ingress             = "INGRESS_TRAFFIC_ALL"
  deletion_protection = false
  labels              = local.labels

  template {
    service_account = google_service_account.app["recommender"].email

    scaling {
      min_instance_count = 1
      max_instance_count = var.recommender_max_instances
    }

    vpc_access {
      egress = "PRIVATE_RANGES_ONLY"
      network_interfaces {
        network    = local.vpc_egress.network
        subnetwork = local.vpc_egress.subnetwork
      }
    }

    containers {
      image = local.images.recommender

      ports {
        container_port = 8080
      }

      resources {
        limits = {
          cpu    = "2"
          memory = "2Gi"
        }
        cpu_idle = false
      }

      dynamic "env" {
        for_each = merge(local.kafka_client_env, {
          HTTP_PORT = "8080"
        })
        content {
          name  = env.key
          value = env.value
        }
      }

      startup_probe {
        initial_delay_seconds = 5
        period_seconds        = 10
        failure_threshold     = 30
        http_get {
          path = "/health"
        }
      }
    }
  }


  # Revisions (new images) are deployed by .github/workflows/deploy.yml.
  lifecycle {
    ignore_changes = [template[0].containers[0].image, client, client_version]
  }
  depends_on = [google_managed_kafka_topic.topics, google_project_iam_member.kafka_client]
}

resource "google_cloud_run_v2_service_iam_member" "recommender_public" {
  count    = var.recommender_public ? 1 : 0
  name     = google_cloud_run_v2_service.recommender.name
  location = var.region
  role     = "roles/run.invoker"
  member   = "allUsers"
}

# ---- webhook receiver: producer `serve` (IGDB calls it; requests are checked with the secret)
resource "google_cloud_run_v2_service" "webhook" {
  name                = "${var.name_prefix}-webhook"
  location            = var.region
  ingress             = "INGRESS_TRAFFIC_ALL"
  deletion_protection = false
  labels              = local.labels

  template {
    service_account = google_service_account.app["producer"].email

    scaling {
      min_instance_count = 0
      max_instance_count = 3
    }

    vpc_access {
      egress = "PRIVATE_RANGES_ONLY"
      network_interfaces {
        network    = local.vpc_egress.network
        subnetwork = local.vpc_egress.subnetwork
      }
    }

    containers {
      image = local.images.producer
      args  = ["serve"]

      ports {
        container_port = 8081
      }

      dynamic "env" {
        for_each = merge(local.kafka_client_env, {
          HTTP_PORT    = "8081"
          IGDB_API_URL = var.igdb_base_url
        })
        content {
          name  = env.key
          value = env.value
        }
      }

      dynamic "env" {
        for_each = {
          TWITCH_CLIENT_ID     = "igdb_client_id"
          TWITCH_CLIENT_SECRET = "igdb_client_secret"
          WEBHOOK_SECRET       = "webhook_secret"
        }
        content {
          name = env.key
          value_source {
            secret_key_ref {
              secret  = google_secret_manager_secret.app[env.value].secret_id
              version = "latest"
            }
          }
        }
      }
    }
  }


  # Revisions (new images) are deployed by .github/workflows/deploy.yml.
  lifecycle {
    ignore_changes = [template[0].containers[0].image, client, client_version]
  }
  depends_on = [google_secret_manager_secret_iam_member.producer, google_managed_kafka_topic.topics]
}

resource "google_cloud_run_v2_service_iam_member" "webhook_public" {
  name     = google_cloud_run_v2_service.webhook.name
  location = var.region
  role     = "roles/run.invoker"
  member   = "allUsers"
}

# ---- streams: long-running Kafka Streams app, no public traffic ----------------------------
resource "google_cloud_run_v2_service" "streams" {
  name                = "${var.name_prefix}-streams"
  location            = var.region
  ingress             = "INGRESS_TRAFFIC_INTERNAL_ONLY"
  deletion_protection = false
  labels              = local.labels

  template {
    service_account = google_service_account.app["streams"].email

    scaling {
      min_instance_count = 1
      max_instance_count = 1
    }

    vpc_access {
      egress = "PRIVATE_RANGES_ONLY"
      network_interfaces {
        network    = local.vpc_egress.network
        subnetwork = local.vpc_egress.subnetwork
      }
    }

    containers {
      image = local.images.streams

      # Cloud Run needs a listening port: the streams app serves its health on HTTP_PORT.
      ports {
        container_port = 8080
      }

      resources {
        limits = {
          cpu    = "2"
          memory = "2Gi"
        }
        cpu_idle = false
      }

      dynamic "env" {
        for_each = merge(local.kafka_client_env, {
          HTTP_PORT                  = "8080"
          STREAMS_APPLICATION_ID     = "${var.name_prefix}-streams"
          STREAMS_NUM_STREAM_THREADS = "2"
        })
        content {
          name  = env.key
          value = env.value
        }
      }

      startup_probe {
        initial_delay_seconds = 5
        period_seconds        = 10
        failure_threshold     = 30
        tcp_socket {
          port = 8080
        }
      }
    }
  }


  # Revisions (new images) are deployed by .github/workflows/deploy.yml.
  lifecycle {
    ignore_changes = [template[0].containers[0].image, client, client_version]
  }
  depends_on = [google_managed_kafka_topic.topics, google_project_iam_member.kafka_client]
}

# ---- connect: Kafka Connect worker (connect/docker/Dockerfile) with kcbq -------------------
# A sidecar registers the BigQuery sink with PUT /connectors/<name>/config (idempotent), the
# same script and connector template as the container stack (docker/connect/).
locals {
  connect_kafka_env = merge(
    { for k, v in local.kafka_client_env : replace(k, "KAFKA_", "CONNECT_") => v if k != "KAFKA_TOPIC_REPLICATION_FACTOR" && k != "KAFKA_INTERNAL_TOPICS_REPLICATION_FACTOR" },
    { for k, v in local.kafka_client_env : replace(k, "KAFKA_", "CONNECT_CONSUMER_") => v if k != "KAFKA_BOOTSTRAP_SERVERS" && k != "KAFKA_TOPIC_REPLICATION_FACTOR" && k != "KAFKA_INTERNAL_TOPICS_REPLICATION_FACTOR" },
    { for k, v in local.kafka_client_env : replace(k, "KAFKA_", "CONNECT_PRODUCER_") => v if k != "KAFKA_BOOTSTRAP_SERVERS" && k != "KAFKA_TOPIC_REPLICATION_FACTOR" && k != "KAFKA_INTERNAL_TOPICS_REPLICATION_FACTOR" },
    {
      CONNECT_GROUP_ID                          = "${var.name_prefix}-connect"
      CONNECT_CONFIG_STORAGE_TOPIC              = "${var.name_prefix}-connect-configs"
      CONNECT_OFFSET_STORAGE_TOPIC              = "${var.name_prefix}-connect-offsets"
      CONNECT_STATUS_STORAGE_TOPIC              = "${var.name_prefix}-connect-status"
      CONNECT_CONFIG_STORAGE_REPLICATION_FACTOR = tostring(var.kafka_replication_factor)
      CONNECT_OFFSET_STORAGE_REPLICATION_FACTOR = tostring(var.kafka_replication_factor)
      CONNECT_STATUS_STORAGE_REPLICATION_FACTOR = tostring(var.kafka_replication_factor)
      CONNECT_REST_PORT                         = "8083"
      CONNECT_REST_ADVERTISED_HOST_NAME         = "localhost"
    },
  )

  bigquery_connector_config = templatefile("${path.module}/../docker/connect/connectors/bigquery-sink.json", {
    GCP_PROJECT_ID      = var.project_id
    BIGQUERY_DATASET    = google_bigquery_dataset.catalogue.dataset_id
    BIGQUERY_KEY_SOURCE = "APPLICATION_DEFAULT"
    BIGQUERY_KEYFILE    = ""
  })
}

resource "google_cloud_run_v2_service" "connect" {
  name                = "${var.name_prefix}-connect"
  location            = var.region
  ingress             = "INGRESS_TRAFFIC_INTERNAL_ONLY"
  deletion_protection = false
  labels              = local.labels

  template {
    service_account = google_service_account.app["connect"].email

    scaling {
      min_instance_count = 1
      max_instance_count = 1
    }

    vpc_access {
      egress = "PRIVATE_RANGES_ONLY"
      network_interfaces {
        network    = local.vpc_egress.network
        subnetwork = local.vpc_egress.subnetwork
      }
    }

    containers {
      name  = "connect"
      image = local.images.connect

      ports {
        container_port = 8083
      }

      resources {
        limits = {
          cpu    = "2"
          memory = "4Gi"
        }
        cpu_idle = false
      }

      dynamic "env" {
        for_each = local.connect_kafka_env
        content {
          name  = env.key
          value = env.value
        }
      }

      startup_probe {
        initial_delay_seconds = 10
        period_seconds        = 10
        failure_threshold     = 30
        http_get {
          path = "/connectors"
          port = 8083
        }
      }
    }

    containers {
      name    = "register-connector"
      image   = "curlimages/curl:8.11.1"
      command = ["/bin/sh", "-c", file("${path.module}/../docker/connect/register-connector.sh")]

      env {
        name  = "CONNECT_URL"
        value = "http://localhost:8083"
      }
      env {
        name  = "CONNECTOR_NAME"
        value = "bigquery-sink"
      }
      env {
        name  = "CONNECTOR_CONFIG"
        value = local.bigquery_connector_config
      }
      env {
        name  = "KEEP_ALIVE"
        value = "true"
      }

      resources {
        limits = {
          cpu    = "0.5"
          memory = "128Mi"
        }
      }
    }
  }


  # Revisions (new images) are deployed by .github/workflows/deploy.yml.
  lifecycle {
    ignore_changes = [template[0].containers[0].image, client, client_version]
  }
  depends_on = [
    google_managed_kafka_topic.topics,
    google_project_iam_member.kafka_client,
    google_bigquery_table.games,
    google_bigquery_table.games_changelog,
  ]
}

# ---- daily sync: producer `sync` as a Cloud Run job, started by Cloud Scheduler ------------
resource "google_cloud_run_v2_job" "sync" {
  name                = "${var.name_prefix}-daily-sync"
  location            = var.region
  deletion_protection = false
  labels              = local.labels

  template {
    task_count = 1

    template {
      service_account = google_service_account.app["producer"].email
      max_retries     = 2
      timeout         = "3600s"

      vpc_access {
        egress = "PRIVATE_RANGES_ONLY"
        network_interfaces {
          network    = local.vpc_egress.network
          subnetwork = local.vpc_egress.subnetwork
        }
      }

      containers {
        image = local.images.producer
        # one poll of every endpoint and one delete diff, then exit: a job that keeps running is
        # stopped at its timeout, counted as failed and retried
        args = ["sync", "--once", "--diff"]

        resources {
          limits = {
            cpu    = "1"
            memory = "1Gi"
          }
        }

        dynamic "env" {
          for_each = merge(local.kafka_client_env, {
            IGDB_API_URL    = var.igdb_base_url
            RAW_DUMP_BUCKET = google_storage_bucket.raw_dumps.name
          })
          content {
            name  = env.key
            value = env.value
          }
        }

        dynamic "env" {
          for_each = {
            TWITCH_CLIENT_ID     = "igdb_client_id"
            TWITCH_CLIENT_SECRET = "igdb_client_secret"
          }
          content {
            name = env.key
            value_source {
              secret_key_ref {
                secret  = google_secret_manager_secret.app[env.value].secret_id
                version = "latest"
              }
            }
          }
        }
      }
    }
  }


  # New images are deployed by .github/workflows/deploy.yml.
  lifecycle {
    ignore_changes = [template[0].template[0].containers[0].image, client, client_version]
  }
  depends_on = [google_secret_manager_secret_iam_member.producer, google_managed_kafka_topic.topics]
}

resource "google_cloud_scheduler_job" "daily_sync" {
  name             = "${var.name_prefix}-daily-sync"
  region           = var.region
  description      = "Starts the producer's incremental sync (Cloud Run job) once a day."
  schedule         = var.daily_sync_schedule
  time_zone        = var.schedule_time_zone
  attempt_deadline = "320s"

  retry_config {
    retry_count = 3
  }

  http_target {
    http_method = "POST"
    uri         = "https://run.googleapis.com/v2/projects/${var.project_id}/locations/${var.region}/jobs/${google_cloud_run_v2_job.sync.name}:run"

    oauth_token {
      service_account_email = local.sync_trigger_email
      scope                 = "https://www.googleapis.com/auth/cloud-platform"
    }
  }

  depends_on = [google_cloud_run_v2_job_iam_member.sync_trigger]
}
