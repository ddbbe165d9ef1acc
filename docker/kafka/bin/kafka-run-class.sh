#!/usr/bin/env bash
# kafka-run-class.sh CLASS ARGS...: a Kafka class with the image's jars, as in Kafka's own
# distribution (KAFKA_HEAP_OPTS, KAFKA_JVM_PERFORMANCE_OPTS, KAFKA_OPTS and KAFKA_LOG4J_OPTS apply;
# CLASSPATH adds to the image's jars, after them).
# The defaults suit the short-lived tools (quick start-up); the broker and Connect scripts set
# their own.
set -euo pipefail
home="${KAFKA_HOME:-/opt/kafka}"
(($#)) || { echo "usage: kafka-run-class.sh CLASS [ARGS]" >&2; exit 2; }
# shellcheck disable=SC2086
exec java ${KAFKA_HEAP_OPTS:--Xmx256m} ${KAFKA_JVM_PERFORMANCE_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true} \
  ${KAFKA_LOG4J_OPTS:--Dlog4j2.configurationFile=$home/config/tools-log4j2.properties} ${KAFKA_OPTS:-} \
  -cp "$home/libs/*${CLASSPATH:+:$CLASSPATH}" "$@"
