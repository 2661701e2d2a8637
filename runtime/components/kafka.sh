# Apache Kafka 4.1 (KRaft, single combined broker+controller) from Maven Central jars.
# Config template: kafka/server.properties (rendered into .platform/kafka/server.properties).
# Data + KRaft metadata: .platform/kafka/data. Cluster id: .platform/kafka/cluster.id.
DEPENDS=""
PORT=${KAFKA_BROKERS##*:}
KAFKA_HOME="$ROOT/kafka"
CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
KAFKA_DATA="$STATE/data"
KAFKA_CONF="$STATE/server.properties"
KAFKA_HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}
START_TIMEOUT=90

# java command line shared by the tools and the server (heap overridable via KAFKA_HEAP_OPTS).
kafka_cmd() {
  # shellcheck disable=SC2206
  KCMD=(java $JVM_JIT_OPTS $KAFKA_HEAP_OPTS -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:G1PeriodicGCInterval=60000
        -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true
        -Dlog4j2.configurationFile="$KAFKA_HOME/log4j2.yaml" -cp "$KAFKA_HOME/lib/*" "$@")
}
kafka_java() { kafka_cmd "$@"; "${KCMD[@]}"; }

install() {
  require_java
  local major
  major=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  [ "${major%%.*}" -ge 17 ] 2>/dev/null || fail "Kafka 4 needs Java 17+, found java.specification.version=$major"
  mvn_resolve "$KAFKA_HOME"
  ls "$KAFKA_HOME"/lib/kafka_2.13-*.jar >/dev/null 2>&1 || fail "kafka/lib has no kafka_2.13 jar (delete kafka/lib and retry)"
}

render_config() {
  mkdir -p "$KAFKA_DATA"
  sed -e "s#@DATA_DIR@#$KAFKA_DATA#g" -e "s#@BROKER_PORT@#$PORT#g" -e "s#@CONTROLLER_PORT@#$CONTROLLER_PORT#g" \
    "$KAFKA_HOME/server.properties" >"$KAFKA_CONF"
}

format_storage() {
  # Only when not formatted yet: meta.properties is written by `StorageTool format`.
  [ -f "$KAFKA_DATA/meta.properties" ] && return 0
  if [ ! -s "$STATE/cluster.id" ]; then
    kafka_java kafka.tools.StorageTool random-uuid 2>/dev/null | grep -E '^[A-Za-z0-9_-]{22}$' | tail -1 >"$STATE/cluster.id"
    [ -s "$STATE/cluster.id" ] || { rm -f "$STATE/cluster.id"; fail "could not generate a cluster id (kafka.tools.StorageTool random-uuid)"; }
  fi
  say "  formatting KRaft storage (cluster id $(cat "$STATE/cluster.id"))"
  kafka_java kafka.tools.StorageTool format --ignore-formatted \
    -t "$(cat "$STATE/cluster.id")" -c "$KAFKA_CONF" >>"$LOG" 2>&1 \
    || { tail -n 20 "$LOG" >&2; fail "kafka-storage format failed (see ${LOG#$ROOT/})"; }
}

start() {
  if port_in_use "$CONTROLLER_PORT"; then
    fail "controller port $CONTROLLER_PORT is already in use by $(port_owner "$CONTROLLER_PORT" || echo 'another process'); change KAFKA_CONTROLLER_PORT in .env"
  fi
  render_config
  format_storage
  # shellcheck disable=SC2046
  KAFKA_HEAP_OPTS="$KAFKA_HEAP_OPTS $(cds_opts "$(cat "$KAFKA_HOME/lib/.pom.sha" 2>/dev/null)")" kafka_cmd kafka.Kafka "$KAFKA_CONF"
  start_bg "${KCMD[@]}"
}

# Ready = the broker answers a Metadata request listing itself as a live broker.
healthy() { node "$KAFKA_HOME/healthcheck.mjs" "127.0.0.1:$PORT" 2000; }
HEALTH_POLL_S=1   # the check is a Node process (~0.1 CPU-s)

version() {
  local j; j=$(ls "$KAFKA_HOME"/lib/kafka_2.13-*.jar 2>/dev/null | head -1)
  [ -n "$j" ] && { j=${j##*kafka_2.13-}; echo "Kafka ${j%.jar} (KRaft)"; } || echo "Kafka (not installed)"
}
