resource "google_monitoring_notification_channel" "email" {
  for_each     = toset(var.alert_emails)
  display_name = "game-data platform: ${each.value}"
  type         = "email"
  labels = {
    email_address = each.value
  }
}

locals {
  notification_channels = [for c in google_monitoring_notification_channel.email : c.id]
  app_services = [
    google_cloud_run_v2_service.recommender.name,
    google_cloud_run_v2_service.webhook.name,
    google_cloud_run_v2_service.streams.name,
    google_cloud_run_v2_service.connect.name,
  ]
}

# ERROR (or worse) log entries of any app, counted per service.
resource "google_logging_metric" "app_errors" {
  name   = "${var.name_prefix}-app-errors"
  filter = "severity>=ERROR AND ((resource.type=\"cloud_run_revision\" AND resource.labels.service_name=~\"^${var.name_prefix}-\") OR (resource.type=\"cloud_run_job\" AND resource.labels.job_name=\"${google_cloud_run_v2_job.sync.name}\"))"

  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
    labels {
      key         = "service"
      value_type  = "STRING"
      description = "Cloud Run service or job"
    }
  }

  label_extractors = {
    service = "EXTRACT(resource.labels.service_name)"
  }
}

resource "google_monitoring_alert_policy" "consumer_lag" {
  display_name          = "game-data: consumer lag above ${var.consumer_lag_threshold}"
  combiner              = "OR"
  notification_channels = local.notification_channels

  conditions {
    display_name = "consumer group lag"
    condition_threshold {
      filter          = "metric.type=\"${var.kafka_consumer_lag_metric}\" AND resource.labels.cluster_id=\"${google_managed_kafka_cluster.main.cluster_id}\""
      comparison      = "COMPARISON_GT"
      threshold_value = var.consumer_lag_threshold
      duration        = "600s"
      aggregations {
        alignment_period     = "60s"
        per_series_aligner   = "ALIGN_MAX"
        cross_series_reducer = "REDUCE_SUM"
        group_by_fields      = ["metric.labels.consumer_group"]
      }
    }
  }

  documentation {
    content   = "A consumer group (streams, recommender, connect) is falling behind. Check the app's logs and instance count; see README \"GCP\"."
    mime_type = "text/markdown"
  }
}

resource "google_monitoring_alert_policy" "dlq_growth" {
  display_name          = "game-data: records reaching games.dlq"
  combiner              = "OR"
  notification_channels = local.notification_channels

  conditions {
    display_name = "messages written to games.dlq"
    condition_threshold {
      filter          = "metric.type=\"${var.kafka_topic_messages_metric}\" AND resource.labels.cluster_id=\"${google_managed_kafka_cluster.main.cluster_id}\" AND resource.labels.topic_id=\"games.dlq\""
      comparison      = "COMPARISON_GT"
      threshold_value = 0
      duration        = "300s"
      aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_DELTA"
        cross_series_reducer = "REDUCE_SUM"
      }
    }
  }

  documentation {
    content   = "Records failed validation and went to games.dlq; the dlq.* headers say why and where they came from."
    mime_type = "text/markdown"
  }
}

resource "google_monitoring_alert_policy" "error_logs" {
  display_name          = "game-data: error logs"
  combiner              = "OR"
  notification_channels = local.notification_channels

  conditions {
    display_name = "ERROR log entries"
    condition_threshold {
      filter          = "metric.type=\"logging.googleapis.com/user/${google_logging_metric.app_errors.name}\" AND resource.type=\"cloud_run_revision\""
      comparison      = "COMPARISON_GT"
      threshold_value = 5
      duration        = "0s"
      aggregations {
        alignment_period     = "300s"
        per_series_aligner   = "ALIGN_DELTA"
        cross_series_reducer = "REDUCE_SUM"
        group_by_fields      = ["metric.labels.service"]
      }
    }
  }
}

resource "google_monitoring_alert_policy" "recommender_latency" {
  display_name          = "game-data: recommender p95 latency above ${var.recommender_latency_p95_ms} ms"
  combiner              = "OR"
  notification_channels = local.notification_channels

  conditions {
    display_name = "recommender request latency p95"
    condition_threshold {
      filter          = "metric.type=\"run.googleapis.com/request_latencies\" AND resource.type=\"cloud_run_revision\" AND resource.labels.service_name=\"${google_cloud_run_v2_service.recommender.name}\""
      comparison      = "COMPARISON_GT"
      threshold_value = var.recommender_latency_p95_ms
      duration        = "600s"
      aggregations {
        alignment_period     = "60s"
        per_series_aligner   = "ALIGN_PERCENTILE_95"
        cross_series_reducer = "REDUCE_MAX"
      }
    }
  }
}

resource "google_monitoring_dashboard" "platform" {
  dashboard_json = jsonencode({
    displayName = "game-data platform"
    mosaicLayout = {
      columns = 12
      tiles = [
        for i, w in [
          {
            title  = "Messages in per topic (throughput per stage)"
            filter = "metric.type=\"${var.kafka_topic_messages_metric}\" AND resource.labels.cluster_id=\"${google_managed_kafka_cluster.main.cluster_id}\""
            align  = "ALIGN_RATE"
            reduce = "REDUCE_SUM"
            group  = ["resource.labels.topic_id"]
          },
          {
            title  = "Consumer lag per group"
            filter = "metric.type=\"${var.kafka_consumer_lag_metric}\" AND resource.labels.cluster_id=\"${google_managed_kafka_cluster.main.cluster_id}\""
            align  = "ALIGN_MAX"
            reduce = "REDUCE_SUM"
            group  = ["metric.labels.consumer_group"]
          },
          {
            title  = "games.dlq messages per second"
            filter = "metric.type=\"${var.kafka_topic_messages_metric}\" AND resource.labels.cluster_id=\"${google_managed_kafka_cluster.main.cluster_id}\" AND resource.labels.topic_id=\"games.dlq\""
            align  = "ALIGN_RATE"
            reduce = "REDUCE_SUM"
            group  = []
          },
          {
            title  = "Recommender request latency p95 (ms)"
            filter = "metric.type=\"run.googleapis.com/request_latencies\" AND resource.labels.service_name=\"${google_cloud_run_v2_service.recommender.name}\""
            align  = "ALIGN_PERCENTILE_95"
            reduce = "REDUCE_MAX"
            group  = []
          },
          {
            title  = "ERROR log entries per service"
            filter = "metric.type=\"logging.googleapis.com/user/${google_logging_metric.app_errors.name}\""
            align  = "ALIGN_DELTA"
            reduce = "REDUCE_SUM"
            group  = ["metric.labels.service"]
          },
          {
            title  = "Cloud Run instances per service"
            filter = "metric.type=\"run.googleapis.com/container/instance_count\" AND resource.labels.service_name=starts_with(\"${var.name_prefix}-\")"
            align  = "ALIGN_MAX"
            reduce = "REDUCE_SUM"
            group  = ["resource.labels.service_name"]
          },
          ] : {
          xPos   = (i % 2) * 6
          yPos   = floor(i / 2) * 4
          width  = 6
          height = 4
          widget = {
            title = w.title
            xyChart = {
              dataSets = [{
                plotType = "LINE"
                timeSeriesQuery = {
                  timeSeriesFilter = {
                    filter = w.filter
                    aggregation = {
                      alignmentPeriod    = "60s"
                      perSeriesAligner   = w.align
                      crossSeriesReducer = w.reduce
                      groupByFields      = w.group
                    }
                  }
                }
              }]
            }
          }
        }
      ]
    }
  })
}
