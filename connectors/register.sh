#!/usr/bin/env bash
# Idempotent registration of a Kafka Connect connector from a {"name":..,"config":{..}} file.
#   connectors/register.sh [connectors/catalog-postgres.json]
# Env: CONNECT_URL (default http://127.0.0.1:8083), CONNECT_WAIT_TIMEOUT (REST, default 120 s),
#      CONNECTOR_RUN_TIMEOUT (connector+task RUNNING, default 120 s),
#      CONNECTOR_STABLE_SECONDS (how long RUNNING must hold, default 5 s).
# - waits for the Connect REST API and the connector plugin,
# - PUT /connectors/{name}/config (creates or updates; an unchanged config is a no-op),
# - waits until the connector and all its tasks are RUNNING; a FAILED task is restarted once,
#   then the script fails and prints the worker's stack trace.
# Secrets stay out of the file: values like ${env:DB_PASSWORD} are resolved inside the worker
# by its EnvVarConfigProvider (connectors/connect-distributed.properties).
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
FILE=${1:-$HERE/catalog-postgres.json}
URL=${CONNECT_URL:-http://127.0.0.1:8083}; URL=${URL%/}
WAIT=${CONNECT_WAIT_TIMEOUT:-120}
RUN_WAIT=${CONNECTOR_RUN_TIMEOUT:-120}
STABLE=${CONNECTOR_STABLE_SECONDS:-5}

die() { printf 'ERROR [register]: %s\n' "$*" >&2; exit 1; }
[ -f "$FILE" ] || die "no such connector file: $FILE"
command -v curl >/dev/null || die "curl is required"
command -v node >/dev/null || die "node is required (used instead of jq)"

# name + config body (wrapper stripped) via node
NAME=$(node -e 'const c=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")); if(!c.name||!c.config) {console.error("file must be {\"name\":..,\"config\":{..}}"); process.exit(1)} console.log(c.name)' "$FILE") \
  || die "cannot parse $FILE"
BODY=$(node -e 'const c=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")); process.stdout.write(JSON.stringify(c.config))' "$FILE")
CLASS=$(node -e 'const c=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")); console.log(c.config["connector.class"].split(".").pop())' "$FILE")

# 1. Connect REST up and plugin installed
start=$SECONDS
until curl -fsS -m 3 "$URL/connector-plugins" 2>/dev/null | grep -q "\"[^\"]*\\.$CLASS\""; do
  [ $((SECONDS - start)) -ge "$WAIT" ] && die "Kafka Connect at $URL not ready (or plugin $CLASS missing) after ${WAIT}s"
  sleep 1
done

# 2. create or update
resp=$(mktemp); trap 'rm -f "$resp"' EXIT
code=$(curl -sS -m 60 -o "$resp" -w '%{http_code}' -X PUT -H 'Content-Type: application/json' \
  --data-binary "$BODY" "$URL/connectors/$NAME/config") || die "PUT $URL/connectors/$NAME/config failed"
case "$code" in
  201) echo "[register] $NAME created" ;;
  200) echo "[register] $NAME config up to date/updated" ;;
  *) die "PUT /connectors/$NAME/config -> HTTP $code: $(cat "$resp")" ;;
esac

# 3. wait for RUNNING (connector + every task)
status() {
  curl -fsS -m 5 "$URL/connectors/$NAME/status" 2>/dev/null | node -e '
    let s=""; process.stdin.on("data",d=>s+=d).on("end",()=>{
      let j; try { j=JSON.parse(s) } catch { console.log("UNKNOWN"); return }
      const t=j.tasks||[];
      const failed=[j.connector, ...t].find(x=>x.state==="FAILED");
      if (failed) { console.log("FAILED\n"+(failed.trace||"(no trace)")); return }
      if (j.connector.state==="RUNNING" && t.length>0 && t.every(x=>x.state==="RUNNING")) { console.log("RUNNING"); return }
      console.log("WAIT connector="+j.connector.state+" tasks="+t.map(x=>x.id+":"+x.state).join(","));
    })'
}
start=$SECONDS restarted=0 st="" running_since=""
while :; do
  st=$(status || echo UNKNOWN)
  case "$st" in
    RUNNING)
      # must stay RUNNING for STABLE seconds: a task that fails right after start is caught here
      [ -z "$running_since" ] && running_since=$SECONDS
      if [ $((SECONDS - running_since)) -ge "$STABLE" ]; then
        echo "[register] $NAME RUNNING (connector + tasks), stable for ${STABLE}s"; exit 0
      fi ;;
    FAILED*)
      running_since=""
      if [ $restarted -eq 0 ]; then
        restarted=1
        echo "[register] $NAME has a FAILED connector/task, restarting it once" >&2
        curl -fsS -m 30 -X POST "$URL/connectors/$NAME/restart?includeTasks=true&onlyFailed=true" >/dev/null || true
      else
        printf 'ERROR [register]: connector %s FAILED:\n%s\n' "$NAME" "${st#FAILED}" >&2
        exit 1
      fi ;;
    *) running_since="" ;;
  esac
  if [ $((SECONDS - start)) -ge "$RUN_WAIT" ]; then
    die "connector $NAME not RUNNING after ${RUN_WAIT}s (last status: ${st})"
  fi
  sleep 1
done
