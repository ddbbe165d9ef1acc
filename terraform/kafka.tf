resource "google_managed_kafka_cluster" "main" {
  cluster_id = "${var.name_prefix}-kafka"
  location   = var.region
  labels     = local.labels

  capacity_config {
    vcpu_count   = var.kafka_vcpu_count
    memory_bytes = var.kafka_memory_gib * 1024 * 1024 * 1024
  }

  gcp_config {
    access_config {
      network_configs {
        subnet = "projects/${data.google_project.this.number}/regions/${var.region}/subnetworks/${var.subnetwork}"
      }
    }
  }

  rebalance_config {
    mode = "AUTO_REBALANCE_ON_SCALE_UP"
  }

  depends_on = [google_project_service.apis]
}

# Every topic of the contracts, with their partitions and configs (cleanup.policy=compact where
# the contracts say so). var.kafka_topics comes from topics.auto.tfvars.json, generated from
# io.gamedata.contracts.topic.Topics and checked by deploy-checks.
resource "google_managed_kafka_topic" "topics" {
  for_each           = var.kafka_topics
  topic_id           = each.key
  cluster            = google_managed_kafka_cluster.main.cluster_id
  location           = var.region
  partition_count    = each.value.partitions
  replication_factor = var.kafka_replication_factor
  configs            = each.value.configs
}
