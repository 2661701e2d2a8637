#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine (none runs here):
#  1. Debian's docker-compose (1.29) parses and validates it against its Compose schema (`config -q`);
#  2. our own rules on the resolved file: pinned images, a healthcheck on every long-running
#     service, `condition:` on every depends_on, a Dockerfile for every build context whose
#     COPY sources exist in that context;
#  3. it is closed (docs/security.md, F7): only nginx publishes a port beyond 127.0.0.1, Redis and
#     Elasticsearch require passwords, the apps run with APP_ENV=production, nothing starts
#     without the secrets of the production env file (checked with throwaway random values);
#  4. every long-running service has a restart policy;
#  5. the `cluster` profile with runtime/compose-cluster.env: 3 search nodes (transport TLS), 3 KRaft
#     brokers in one quorum, indexers = catalog CDC topic partitions, 2 gateways.
# The effective configuration vs the native one: runtime/test/compose-parity.test.mjs.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
NAME=compose-check
. runtime/lib.sh
command -v docker-compose >/dev/null || apt_install docker-compose
ENV_FILE=$(mktemp); trap 'rm -f "$ENV_FILE"' EXIT
# .env.production.example with every empty secret filled by a random value
while IFS= read -r line; do
  if [[ $line =~ ^([A-Z_]+)=$ ]]; then echo "${BASH_REMATCH[1]}=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"; else echo "$line"; fi
done < .env.production.example > "$ENV_FILE"
if docker-compose -f docker-compose.yml --env-file .env.production.example config -q 2>/dev/null; then
  echo "docker-compose.yml starts without the production secrets (.env.production.example left empty)"; exit 1
fi
compose() { docker-compose -f docker-compose.yml --env-file "$ENV_FILE" "$@"; }
compose config -q
compose --profile debug config | /usr/bin/python3 -c '
import sys, os, glob, yaml
doc = yaml.safe_load(sys.stdin)
errors = []
for name, svc in doc["services"].items():
    image = svc.get("image")
    if image and (":" not in image.split("/")[-1] or image.endswith(":latest")):
        errors.append(f"{name}: image {image} is not pinned to a version")
    if "build" in svc:
        build = svc["build"] if isinstance(svc["build"], dict) else {"context": svc["build"]}
        dockerfile = os.path.join(build["context"], build.get("dockerfile", "Dockerfile"))
        if not os.path.isfile(dockerfile):
            errors.append(f"{name}: no Dockerfile at {dockerfile}")
        else:
            for line in open(dockerfile):
                words = line.split()
                if not words or words[0] != "COPY" or any(w.startswith("--from") for w in words):
                    continue
                for src in [w for w in words[1:-1] if not w.startswith("--")]:
                    if not glob.glob(os.path.join(build["context"], src)):
                        errors.append(f"{name}: {dockerfile} copies {src}, absent from the build context")
    one_shot = svc.get("restart") == "no"
    if not one_shot and "healthcheck" not in svc:
        errors.append(f"{name}: long-running service without a healthcheck")
    for dep, spec in (svc.get("depends_on") or {}).items():
        if not isinstance(spec, dict) or "condition" not in spec:
            errors.append(f"{name}: depends_on {dep} without a condition")
    # closed by default: only nginx is reachable from the network
    for port in svc.get("ports") or []:
        host_ip = port.get("host_ip") if isinstance(port, dict) else (str(port).split(":")[0] if str(port).count(":") == 2 else None)
        if name != "nginx" and host_ip != "127.0.0.1":
            errors.append(f"{name}: port {port} is published beyond 127.0.0.1")
    env = svc.get("environment") or {}
    profiles = svc.get("profiles") or []
    if not one_shot and svc.get("restart") not in ("unless-stopped", "always", "on-failure"):
        errors.append(f"{name}: long-running service without a restart policy")
    if "TRUST_PROXY" in env and env.get("APP_ENV") != "production" and "demo" not in profiles:  # the apps (x-app-env)
        errors.append(name + ": APP_ENV is not production")
    if name in ("kibana", "kafka-ui") and "debug" not in (svc.get("profiles") or []):
        errors.append(f"{name}: debugging UI outside the debug profile")
redis_cmd = " ".join(map(str, doc["services"]["redis"].get("command") or []))
if "--requirepass" not in redis_cmd:
    errors.append("redis: no --requirepass")
es_env = doc["services"]["elasticsearch"].get("environment") or {}
if str(es_env.get("xpack.security.enabled")).lower() != "true" or not es_env.get("ELASTIC_PASSWORD"):
    errors.append("elasticsearch: security is off or has no ELASTIC_PASSWORD")
print(str(len(doc["services"])) + " services checked")
if errors:
    print("\n".join(errors)); sys.exit(1)
'
# The cluster profile with its variables (runtime/compose-cluster.env): 3 search nodes in one cluster,
# 3 KRaft brokers in one quorum, indexers = CDC topic partitions, 2 gateways.
cat runtime/compose-cluster.env >>"$ENV_FILE"
compose --profile cluster config -q
CLUSTER_CHECK=$(cat <<'PY'
import sys, json, yaml
doc = yaml.safe_load(sys.stdin)
svc = doc["services"]
errors = []
es = [n for n in svc if n.startswith("elasticsearch")]
if len(es) != 3:
    errors.append("cluster: %d search nodes, expected 3" % len(es))
for n in es:
    env = svc[n]["environment"]
    if env.get("discovery.type") == "single-node":
        errors.append(n + ": single-node discovery in the cluster profile")
    if env.get("node.name") != n:
        errors.append(n + ": node.name is not its service name")
    if str(env.get("xpack.security.transport.ssl.enabled")) != "true":
        errors.append(n + ": no transport TLS (required with security on and several nodes)")
brokers = [n for n in svc if n.startswith("kafka") and n != "kafka-ui"]
ids = sorted(int(svc[n]["environment"]["KAFKA_NODE_ID"]) for n in brokers)
kenv = svc["kafka"]["environment"]
voters = str(kenv["KAFKA_CONTROLLER_QUORUM_VOTERS"])
if ids != [1, 2, 3]:
    errors.append("cluster: broker ids %s, expected [1, 2, 3]" % ids)
for n in brokers:
    env = svc[n]["environment"]
    if str(env["KAFKA_CONTROLLER_QUORUM_VOTERS"]) != voters or env.get("CLUSTER_ID") != kenv.get("CLUSTER_ID"):
        errors.append(n + ": not in the same quorum / cluster id as kafka")
    if int(env["KAFKA_DEFAULT_REPLICATION_FACTOR"]) != 3 or int(env["KAFKA_MIN_INSYNC_REPLICAS"]) != 2:
        errors.append(n + ": replication factor / min ISR are not 3 / 2")
for v in voters.split(","):
    if v.split("@")[1].split(":")[0] not in brokers:
        errors.append("quorum voter %s is not a service" % v)
partitions = int(json.load(open("connectors/catalog-postgres.json"))["config"]["topic.creation.catalog.partitions"])
indexers, gateways = int(svc["indexer"].get("scale", 1)), int(svc["api-gateway"].get("scale", 1))
if indexers != partitions:
    errors.append("indexer x%d, but the catalog CDC topics have %d partitions" % (indexers, partitions))
if gateways != 2:
    errors.append("api-gateway x%d, expected 2 replicas" % gateways)
if len(str(svc["api-gateway"]["environment"]["KAFKA_BROKERS"]).split(",")) != 3:
    errors.append("the apps do not bootstrap from the 3 brokers")
print("cluster profile: %d search nodes, brokers %s, indexer x%d, gateway x%d" % (len(es), ids, indexers, gateways))
if errors:
    print("\n".join(errors)); sys.exit(1)
PY
)
compose --profile cluster config | /usr/bin/python3 -c "$CLUSTER_CHECK"
echo "docker-compose.yml: valid"
