terraform {
  required_version = ">= 1.6.0, < 2.0.0"

  required_providers {
    google = {
      source  = "hashicorp/google"
      version = "~> 6.36"
    }
  }

  # Remote state in a GCS bucket that exists before the first run (it holds the state of
  # everything else). The bucket comes from the TF_STATE_BUCKET secret at init time:
  #   terraform init -backend-config="bucket=$TF_STATE_BUCKET"
  backend "gcs" {
    prefix = "game-data-platform"
  }
}

provider "google" {
  project = var.project_id
  region  = var.region
}
