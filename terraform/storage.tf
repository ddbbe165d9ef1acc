# Raw IGDB dumps (bulk fetch snapshots, NDJSON) written by the producer.
resource "google_storage_bucket" "raw_dumps" {
  name                        = "${var.project_id}-${var.name_prefix}-raw"
  location                    = var.region
  storage_class               = "STANDARD"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = false
  labels                      = local.labels

  versioning {
    enabled = false
  }

  lifecycle_rule {
    condition {
      age = var.raw_dump_nearline_after_days
    }
    action {
      type          = "SetStorageClass"
      storage_class = "NEARLINE"
    }
  }

  lifecycle_rule {
    condition {
      age = var.raw_dump_delete_after_days
    }
    action {
      type = "Delete"
    }
  }

  # Incomplete multipart uploads of interrupted dumps.
  lifecycle_rule {
    condition {
      age = 1
    }
    action {
      type = "AbortIncompleteMultipartUpload"
    }
  }

  depends_on = [google_project_service.apis]
}
