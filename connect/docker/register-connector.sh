#!/usr/bin/env sh
# Registers (or updates) one shipped connector idempotently:
#   register-connector.sh http://connect:8083 bigquery-games-sink
# The config file is sent as is: ${env:VAR} references are resolved by the worker, not here.
set -eu
url="$1"; name="$2"
file="${CONNECTOR_DIR:-/etc/gamedata/connectors}/${name}.json"
curl -fsS -X PUT -H 'Content-Type: application/json' --data-binary "@${file}" \
  "${url}/connectors/${name}/config"
