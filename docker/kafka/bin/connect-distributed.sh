#!/usr/bin/env bash
# connect-distributed.sh worker.properties: a Kafka Connect worker in the foreground.
home="${KAFKA_HOME:-/opt/kafka}"
export KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xmx1G}"
export KAFKA_LOG4J_OPTS="${KAFKA_LOG4J_OPTS:--Dlog4j2.configurationFile=$home/config/connect-log4j2.properties}"
export KAFKA_JVM_PERFORMANCE_OPTS="${KAFKA_JVM_PERFORMANCE_OPTS:--XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true}"
exec "$(dirname "$0")/kafka-run-class.sh" org.apache.kafka.connect.cli.ConnectDistributed "$@"
