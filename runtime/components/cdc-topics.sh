# One-shot task: the Debezium connectors' topics exist, with their topic.creation.* settings
# (connectors/ensure-topics.mjs, one Kafka admin connection for both connector files). Its own task,
# not a step of `connector`, so the indexer can subscribe as soon as Kafka is up instead of waiting
# for Connect's start and the connectors' registration. Existing topics are left alone.
KIND=task
DEPENDS="kafka"

install() { require_cmd node "Node.js 20+"; npm_install "$ROOT/runtime"; }

run() {
  node "$ROOT/connectors/ensure-topics.mjs" "${CONNECTOR_FILE:-$ROOT/connectors/catalog-postgres.json}" \
    "${OUTBOX_CONNECTOR_FILE:-$ROOT/connectors/outbox-postgres.json}" \
    | sed 's/^/  /' || fail "could not create the CDC topics in Kafka ($KAFKA_BROKERS)"
}
