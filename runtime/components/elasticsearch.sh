# Search node: real Elasticsearch, the integ-test-zip distribution from Maven Central (version in
# elasticsearch/pom.xml, the same as the Compose images) plus our plugin commerce-analysis (the
# analysis names our mappings use + the GET / banner; see elasticsearch/README.md).
# Runs as the unprivileged system user $ES_USER (Elasticsearch refuses root) on a JDK 21+ found
# under /usr/lib/jvm. Home (unpacked zip + plugins/), config, data, logs: .platform/elasticsearch/.
ES_URL=${ELASTICSEARCH_URL:-http://127.0.0.1:9200}
ES_URL=${ES_URL%/}
PORT=$(sed -E 's#^[a-z]+://[^:/]+:([0-9]+).*$#\1#' <<<"$ES_URL")
[[ "$PORT" =~ ^[0-9]+$ ]] || PORT=9200
TRANSPORT_PORT=${ELASTICSEARCH_TRANSPORT_PORT:-9300}
ES_SRC="$ROOT/elasticsearch"
ES_HOME="$STATE/home"
ES_CONF="$STATE/config"
ES_USER=${ELASTICSEARCH_USER:-elasticsearch}
ES_JAVA_MIN=21
ES_HEAP_OPTS=${ES_HEAP_OPTS:--Xms512m -Xmx512m}
ES_PLUGIN_JAR="$ES_SRC/commerce-analysis/target/commerce-analysis.jar"
START_TIMEOUT=120
# The search node is on the latency path of every search and of CDC freshness (commit -> searchable):
# its scheduler autogroup gets ~3x a normal component's CPU weight when the 2 cores are contended
# (bench/cdc-freshness.mjs at 1000/s: p99 -40 %, docs/search.md). See start_bg in runtime/lib.sh.
AUTOGROUP_NICE=${ELASTICSEARCH_AUTOGROUP_NICE:--5}

es_version() { sed -n 's#.*<elasticsearch.version>\(.*\)</elasticsearch.version>.*#\1#p' "$ES_SRC/pom.xml"; }

# es_java_home: ES_JAVA_HOME if set, else the newest JDK >= ES_JAVA_MIN under /usr/lib/jvm.
es_java_home() {
  if [ -n "${ES_JAVA_HOME:-}" ]; then echo "$ES_JAVA_HOME"; return; fi
  local d v best="" best_v=0
  for d in /usr/lib/jvm/*; do
    [ -x "$d/bin/java" ] && [ -f "$d/release" ] || continue
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$d/release")
    if [ "${v:-0}" -ge "$ES_JAVA_MIN" ] && [ "$v" -gt "$best_v" ]; then best=$d; best_v=$v; fi
  done
  [ -n "$best" ] && echo "$best"
}

install() {
  local version java_home
  version=$(es_version)
  [ -n "$version" ] || fail "no <elasticsearch.version> in elasticsearch/pom.xml"
  java_home=$(es_java_home) \
    || fail "Elasticsearch $version needs a JDK $ES_JAVA_MIN or newer under /usr/lib/jvm (found: $(ls /usr/lib/jvm | tr '\n' ' ')); install one or set ES_JAVA_HOME"
  require_cmd mvn "apt-get install maven"
  command -v unzip >/dev/null || apt_install unzip
  id "$ES_USER" >/dev/null 2>&1 || {
    say "  creating system user $ES_USER"
    useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$ES_USER" \
      || fail "could not create the system user $ES_USER"
  }
  # zip (copied from the Maven repository) + plugin: rebuilt when the pom or a plugin source changed
  local zip="$ES_SRC/target/elasticsearch-$version.zip"
  if [ ! -f "$zip" ] || [ ! -f "$ES_PLUGIN_JAR" ] || [ "$ES_SRC/pom.xml" -nt "$ES_PLUGIN_JAR" ] \
     || [ -n "$(find "$ES_SRC/commerce-analysis/" -path '*/target' -prune -o -type f -newer "$ES_PLUGIN_JAR" -print -quit)" ]; then
    say "  resolving Elasticsearch $version + building commerce-analysis (Maven)"
    (cd "$ES_SRC" && JAVA_HOME=$java_home mvn -q -B package) >"$PLATFORM_DIR/mvn-elasticsearch.log" 2>&1 \
      || fail "Maven build failed: see .platform/mvn-elasticsearch.log ($(grep -m1 ERROR "$PLATFORM_DIR/mvn-elasticsearch.log"))"
  fi
  if [ "$(cat "$ES_HOME/.version" 2>/dev/null)" != "$version" ]; then
    say "  unpacking Elasticsearch $version into ${ES_HOME#$ROOT/}"
    rm -rf "$ES_HOME" "$STATE/unpack"
    unzip -q "$zip" -d "$STATE/unpack" || fail "could not unzip ${zip#$ROOT/}"
    mv "$STATE/unpack/elasticsearch-$version" "$ES_HOME" && rm -rf "$STATE/unpack"
    echo "$version" >"$ES_HOME/.version"
  fi
  local plugin="$ES_HOME/plugins/commerce-analysis"
  if [ ! -f "$plugin/commerce-analysis.jar" ] || [ "$ES_PLUGIN_JAR" -nt "$plugin/commerce-analysis.jar" ]; then
    mkdir -p "$plugin"
    cp "$ES_PLUGIN_JAR" "$ES_SRC/commerce-analysis/target/plugin-descriptor.properties" "$plugin/"
  fi
  render_config
  mkdir -p "$STATE/data" "$STATE/logs" "$STATE/tmp"
  chown -R "$ES_USER:$ES_USER" "$STATE/data" "$STATE/logs" "$STATE/tmp" "$ES_CONF"
  grant_traverse "$ES_USER" "$STATE"
}

# config dir: the distribution's jvm.options + log4j2.properties, our elasticsearch.yml, the heap,
# and the products synonyms file (for mappings that prefer synonyms_path to inline rules).
render_config() {
  mkdir -p "$ES_CONF/jvm.options.d"
  cp "$ES_HOME/config/jvm.options" "$ES_HOME/config/log4j2.properties" "$ES_CONF/"
  sed -e "s#@DATA@#$STATE/data#" -e "s#@LOGS@#$STATE/logs#" -e "s#@HTTP_PORT@#$PORT#" -e "s#@TRANSPORT_PORT@#$TRANSPORT_PORT#" \
    "$ES_SRC/config/elasticsearch.yml" >"$ES_CONF/elasticsearch.yml"
  tr ' ' '\n' <<<"$ES_HEAP_OPTS" >"$ES_CONF/jvm.options.d/heap.options"
  tr ' ' '\n' <<<"$JVM_JIT_OPTS" >"$ES_CONF/jvm.options.d/jit.options"   # lib.sh, JVM_JIT_OPTS
  mkdir -p "$ES_CONF/analysis" && cp "$ES_SRC/index/synonyms.txt" "$ES_CONF/analysis/products-synonyms.txt"
}

# Fast start. bin/elasticsearch runs four JVMs before the server (Java version check, launcher,
# its preparer = the server CLI, and a -XX:+PrintFlagsFinal JVM for the heap ergonomics), several
# CPU-seconds that a warm restart pays every time for the same answer. The preparer's answer is a
# launch descriptor (java command, JVM options, environment, the serialized server arguments);
# we run the preparer only when its inputs changed (the key below), keep its descriptor in
# $STATE/launch/ (mode 600: the server arguments carry the keystore's secrets) and start the server
# JVM from it with elasticsearch/launch.mjs, which does what the launcher does with it.
# ELASTICSEARCH_LAUNCHER=script uses bin/elasticsearch instead.
ES_LAUNCH="$STATE/launch"

# launch_key: everything the preparer's answer depends on.
launch_key() {
  {
    cat "$ES_HOME/.version"; sha256sum "$ES_HOME/plugins/commerce-analysis/commerce-analysis.jar"
    echo "$(es_java_home) ${ES_JAVA_OPTS:-} $(nproc) $(grep MemTotal /proc/meminfo)"
    find "$ES_CONF" -maxdepth 2 -type f ! -path '*/analysis/*' -print0 | sort -z | xargs -0 sha256sum
  } 2>/dev/null | sha256sum | cut -d' ' -f1
}

# the preparer as the launcher runs it (cwd ES_HOME, its environment), writing the descriptor to stdout
prepare_launch() {
  local java_home tmp
  java_home=$(es_java_home)
  [ "$(cat "$ES_LAUNCH/key" 2>/dev/null)" = "$(launch_key)" ] && [ -s "$ES_LAUNCH/launch-descriptor.bin" ] && return 0
  say "  preparing the Elasticsearch launch (configuration changed or first start)"
  mkdir -p "$ES_LAUNCH"; chown "$ES_USER:$ES_USER" "$ES_LAUNCH"; chmod 700 "$ES_LAUNCH"
  tmp="$ES_LAUNCH/launch-descriptor.bin.new"
  # shellcheck disable=SC2016
  setpriv --reuid="$ES_USER" --regid="$ES_USER" --init-groups env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOSTNAME="$(hostname)" \
    HOME="$STATE/tmp" ES_HOME="$ES_HOME" ES_PATH_CONF="$ES_CONF" ES_TMPDIR="$STATE/tmp" ES_JAVA_HOME="$java_home" \
    ${ES_JAVA_OPTS:+ES_JAVA_OPTS="$ES_JAVA_OPTS"} JAVA="$java_home/bin/java" JAVA_TYPE=ES_JAVA_HOME ES_DISTRIBUTION_TYPE=zip \
    CLI_JAVA_OPTS="-Xms4m -Xmx64m -XX:+UseSerialGC" ES_REDIRECT_STDOUT_TO_STDERR=true \
    bash -c 'cd "$ES_HOME" && umask 077 && exec "$JAVA" $CLI_JAVA_OPTS -Dcli.name=server -Dcli.libs=lib/tools/server-cli \
      -Des.path.home="$ES_HOME" -Des.path.conf="$ES_PATH_CONF" -Des.distribution.type=zip -Des.java.type=ES_JAVA_HOME \
      -cp "$ES_HOME/lib/*:$ES_HOME/lib/cli-launcher/*" org.elasticsearch.launcher.CliToolLauncher >"$1"' prepare "$tmp" 2>>"$LOG" \
    || fail "the Elasticsearch preparer failed: see ${LOG#$ROOT/}"
  [ "$(head -c 4 "$tmp" 2>/dev/null)" = ESLD ] || fail "the Elasticsearch preparer wrote no launch descriptor: see ${LOG#$ROOT/}"
  # the key after the run: a first run creates the keystore in the config directory
  mv "$tmp" "$ES_LAUNCH/launch-descriptor.bin" && launch_key >"$ES_LAUNCH/key"
}

start() {
  port_in_use "$TRANSPORT_PORT" && fail "transport port $TRANSPORT_PORT is already in use by $(port_owner "$TRANSPORT_PORT" || echo 'another process'); set ELASTICSEARCH_TRANSPORT_PORT"
  if [ "${ELASTICSEARCH_LAUNCHER:-descriptor}" = script ]; then
    start_bg setpriv --reuid="$ES_USER" --regid="$ES_USER" --init-groups \
      env HOME="$STATE/tmp" ES_JAVA_HOME="$(es_java_home)" ES_PATH_CONF="$ES_CONF" ES_TMPDIR="$STATE/tmp" \
      bash "$ES_HOME/bin/elasticsearch"
    return
  fi
  prepare_launch
  start_bg setpriv --reuid="$ES_USER" --regid="$ES_USER" --init-groups \
    "$(command -v node)" "$ES_SRC/launch.mjs" "$ES_LAUNCH/launch-descriptor.bin"
}

healthy() {
  [[ $(curl -fsS -m 3 "$ES_URL/_cluster/health" 2>/dev/null) =~ \"status\"\ *:\ *\"(green|yellow)\" ]]
}

version() { echo "Elasticsearch $(cat "$ES_HOME/.version" 2>/dev/null || echo '?') + commerce-analysis"; }
