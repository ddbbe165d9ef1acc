#!/usr/bin/env bash
# kafka-server-start.sh server.properties: the broker in the foreground, logging to stdout.
home="${KAFKA_HOME:-/opt/kafka}"
export KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xmx1G -Xms1G}"
export KAFKA_LOG4J_OPTS="${KAFKA_LOG4J_OPTS:--Dlog4j2.configurationFile=$home/config/log4j2.properties}"
export KAFKA_JVM_PERFORMANCE_OPTS="${KAFKA_JVM_PERFORMANCE_OPTS:--XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true}"
exec "$(dirname "$0")/kafka-run-class.sh" kafka.Kafka "$@"
