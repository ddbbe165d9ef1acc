#!/bin/sh
# connect-init of docker-compose.yml: the BigQuery sink when GCP settings are given
# (GCP_PROJECT_ID and BIGQUERY_KEYFILE_HOST set in .env), the local DuckDB sink otherwise.
set -eu
CONNECTORS_DIR="${CONNECTORS_DIR:-/connectors}"
SCRIPTS_DIR="${SCRIPTS_DIR:-/scripts}"
if [ -n "${GCP_PROJECT_ID:-}" ] && [ -n "${BIGQUERY_KEYFILE_HOST:-}" ]; then
  CONNECTOR_NAME=bigquery-sink
  CONNECTOR_FILE="${CONNECTORS_DIR}/bigquery-sink.json"
  echo "connect-init: GCP settings given: BigQuery sink into ${GCP_PROJECT_ID}.${BIGQUERY_DATASET:-gamedata}"
else
  CONNECTOR_NAME=duckdb-sink
  CONNECTOR_FILE="${CONNECTORS_DIR}/duckdb-sink.json"
  echo "connect-init: no GCP settings: local DuckDB sink"
fi
export CONNECTOR_NAME CONNECTOR_FILE
exec /bin/sh "${SCRIPTS_DIR}/register-connector.sh"
