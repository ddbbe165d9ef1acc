#!/bin/sh
# connect-init of docker-compose.yml: the BigQuery sink when GCP settings are given
# (GCP_PROJECT_ID and BIGQUERY_KEYFILE_HOST set in .env), the local DuckDB sink otherwise.
set -eu
if [ -n "${GCP_PROJECT_ID:-}" ] && [ -n "${BIGQUERY_KEYFILE_HOST:-}" ]; then
  export CONNECTOR_NAME=bigquery-sink CONNECTOR_FILE=/connectors/bigquery-sink.json
  echo "connect-init: GCP settings given: BigQuery sink into ${GCP_PROJECT_ID}.${BIGQUERY_DATASET:-gamedata}"
else
  export CONNECTOR_NAME=duckdb-sink CONNECTOR_FILE=/connectors/duckdb-sink.json
  echo "connect-init: no GCP settings: local DuckDB sink"
fi
exec /bin/sh /scripts/register-connector.sh
