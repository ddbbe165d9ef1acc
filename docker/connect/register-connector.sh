#!/bin/sh
# Registers one connector idempotently: PUT /connectors/<name>/config creates it or updates its
# config. Used by the connect-init service of docker-compose.yml and by the sidecar of the
# Cloud Run Connect service (terraform/cloudrun.tf). POSIX sh + curl only.
#
#   CONNECT_URL       Connect REST address                       (default http://connect:8083)
#   CONNECTOR_NAME    connector name                              (required)
#   CONNECTOR_CONFIG  the config as a JSON object, or
#   CONNECTOR_FILE    a JSON template file; ${VAR} placeholders are replaced from the environment
#   KEEP_ALIVE=true   sleep after registering (sidecar), otherwise exit
set -eu
CONNECT_URL="${CONNECT_URL:-http://connect:8083}"
: "${CONNECTOR_NAME:?CONNECTOR_NAME is required}"

render() {
  # Replace every ${NAME} with the value of the environment variable NAME (empty if unset).
  content=$(cat "$1")
  for var in $(printf '%s' "$content" | grep -o '\${[A-Za-z_][A-Za-z0-9_]*}' | sort -u | tr -d '${}'); do
    value=$(printenv "$var" || true)
    escaped=$(printf '%s' "$value" | sed -e 's/[\/&|]/\\&/g')
    content=$(printf '%s' "$content" | sed -e "s|\${$var}|$escaped|g")
  done
  printf '%s' "$content"
}

if [ -n "${CONNECTOR_CONFIG:-}" ]; then
  config="$CONNECTOR_CONFIG"
elif [ -n "${CONNECTOR_FILE:-}" ]; then
  config=$(render "$CONNECTOR_FILE")
else
  echo "register-connector: set CONNECTOR_CONFIG or CONNECTOR_FILE" >&2
  exit 2
fi

echo "register-connector: waiting for ${CONNECT_URL}"
i=0
until curl -fsS -o /dev/null "${CONNECT_URL}/connectors"; do
  i=$((i + 1))
  if [ "$i" -ge 90 ]; then
    echo "register-connector: Connect REST did not answer in 180 s" >&2
    exit 1
  fi
  sleep 2
done

echo "register-connector: PUT ${CONNECT_URL}/connectors/${CONNECTOR_NAME}/config"
response=$(mktemp)
status=$(printf '%s' "$config" | curl -sS -o "$response" -w '%{http_code}' \
  -X PUT -H 'Content-Type: application/json' --data-binary @- \
  "${CONNECT_URL}/connectors/${CONNECTOR_NAME}/config")
cat "$response"; echo
rm -f "$response"
case "$status" in
  200|201) echo "register-connector: ${CONNECTOR_NAME} registered (HTTP ${status})" ;;
  *) echo "register-connector: HTTP ${status} for ${CONNECTOR_NAME}" >&2; exit 1 ;;
esac

# The connector must reach RUNNING (a bad config fails here, not silently later).
i=0
until curl -fsS "${CONNECT_URL}/connectors/${CONNECTOR_NAME}/status" | grep -q '"state":"RUNNING"'; do
  i=$((i + 1))
  if [ "$i" -ge 60 ]; then
    echo "register-connector: ${CONNECTOR_NAME} not RUNNING after 120 s:" >&2
    curl -sS "${CONNECT_URL}/connectors/${CONNECTOR_NAME}/status" >&2 || true
    exit 1
  fi
  sleep 2
done
echo "register-connector: ${CONNECTOR_NAME} RUNNING"

if [ "${KEEP_ALIVE:-false}" = "true" ]; then
  while true; do sleep 3600; done
fi
