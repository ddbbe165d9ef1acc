#!/bin/bash
# One-shot topic-init of docker-compose.yml: creates every topic of topics.txt (GENERATED from
# the contracts by deploy-checks) with its partitions and configs. Idempotent (--if-not-exists).
set -euo pipefail
BOOTSTRAP="${BOOTSTRAP_SERVERS:-kafka:29092}"
TOPICS_FILE="${TOPICS_FILE:-/topics/topics.txt}"
REPLICATION="${REPLICATION_FACTOR:-1}"
KAFKA_BIN="${KAFKA_BIN:-/opt/kafka/bin}"

echo "topic-init: creating topics of ${TOPICS_FILE} on ${BOOTSTRAP}"
count=0
while read -r name partitions configs; do
  [[ -z "${name}" || "${name}" == \#* ]] && continue
  args=(--bootstrap-server "${BOOTSTRAP}" --create --if-not-exists --topic "${name}"
    --partitions "${partitions}" --replication-factor "${REPLICATION}")
  if [[ -n "${configs:-}" ]]; then
    IFS=',' read -ra pairs <<< "${configs}"
    for pair in "${pairs[@]}"; do
      args+=(--config "${pair}")
    done
  fi
  "${KAFKA_BIN}/kafka-topics.sh" "${args[@]}"
  count=$((count + 1))
done < "${TOPICS_FILE}"

if [[ "${count}" -eq 0 ]]; then
  echo "topic-init: no topic in ${TOPICS_FILE}" >&2
  exit 1
fi
echo "topic-init: ${count} topics present"
