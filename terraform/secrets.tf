# Secret containers only: the values are added outside terraform (they never enter the state),
#   printf '%s' "$IGDB_CLIENT_ID" | gcloud secrets versions add gamedata-igdb-client-id --data-file=-
# Cloud Run reads the latest version at start-up.
locals {
  secrets = {
    igdb_client_id     = "${var.name_prefix}-igdb-client-id"
    igdb_client_secret = "${var.name_prefix}-igdb-client-secret"
    webhook_secret     = "${var.name_prefix}-webhook-secret"
  }
}

resource "google_secret_manager_secret" "app" {
  for_each  = local.secrets
  secret_id = each.value
  labels    = local.labels

  replication {
    auto {}
  }

  depends_on = [google_project_service.apis]
}
