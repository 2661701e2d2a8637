# Kafka Connect 4.1 (distributed mode, one worker) with the Debezium PostgreSQL connector on
# the classpath. Jars: connectors/lib (Maven Central, connectors/pom.xml).
# Worker config template: connectors/connect-distributed.properties.
DEPENDS="kafka postgres"
# launched beside Kafka, not after it: the worker's JVM and plugin loading (~5 s on 2 cores) overlap
# Kafka's start, and the worker waits for the broker (its admin client retries for
# default.api.timeout.ms, 60 s; with no broker by then the worker exits and the start fails).
LAUNCH_BESIDE="kafka"
CONNECT_HOME="$ROOT/connectors"
PORT=${CONNECT_URL##*:}; PORT=${PORT%%/*}
CONNECT_CONF="$STATE/connect-distributed.properties"
CONNECT_HEAP_OPTS=${CONNECT_HEAP_OPTS:--Xms256m -Xmx768m}
START_TIMEOUT=150

install() {
  require_java
  mvn_resolve "$CONNECT_HOME"
  ls "$CONNECT_HOME"/lib/debezium-connector-postgres-*.jar >/dev/null 2>&1 \
    || fail "connectors/lib has no debezium-connector-postgres jar (delete connectors/lib and retry)"
  command -v curl >/dev/null 2>&1 || apt_install curl
}

start() {
  sed -e "s#@BOOTSTRAP@#$KAFKA_BROKERS#g" -e "s#@REST_PORT@#$PORT#g" \
    "$CONNECT_HOME/connect-distributed.properties" >"$CONNECT_CONF"
  # shellcheck disable=SC2086
  start_bg java $JVM_JIT_OPTS $CONNECT_HEAP_OPTS $(cds_opts "$(cat "$CONNECT_HOME/lib/.pom.sha" 2>/dev/null)") -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -XX:InitiatingHeapOccupancyPercent=35 -XX:G1PeriodicGCInterval=60000 -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$CONNECT_HOME/log4j2.yaml" \
    -cp "$CONNECT_HOME/lib/*" org.apache.kafka.connect.cli.ConnectDistributed "$CONNECT_CONF"
}

# Ready = REST answers GET / with a version AND the Debezium Postgres plugin is listed.
healthy() {
  local base="http://127.0.0.1:$PORT"
  [[ $(curl -fsS -m 3 "$base/") == *'"version"'* ]] \
    && [[ $(curl -fsS -m 3 "$base/connector-plugins") == *'io.debezium.connector.postgresql.PostgresConnector'* ]]
}

version() {
  local v d
  v=$(curl -fsS -m 2 "http://127.0.0.1:$PORT/" 2>/dev/null | grep -o '"version":"[^"]*"' | cut -d'"' -f4)
  d=$(ls "$CONNECT_HOME"/lib/debezium-connector-postgres-*.jar 2>/dev/null | head -1)
  d=${d##*postgres-}; d=${d%.jar}
  echo "Connect ${v:-?} + Debezium ${d:-?}"
}

# A worker whose Kafka is already gone cannot flush offsets/leave the group cleanly and would
# sit out the whole STOP_TIMEOUT; give it 10 s in that case.
stop() {
  node "$ROOT/kafka/healthcheck.mjs" "$KAFKA_BROKERS" 1000 >/dev/null 2>&1 || STOP_TIMEOUT=10
  stop_pidfile
}
