# Search node: OpenSearch 2.19 assembled from Maven Central jars (server + modules), started
# by our launcher in elasticsearch/ (see elasticsearch/README.md: the Elasticsearch 8 modules
# are not on Maven Central). Speaks to the official @elastic/elasticsearch 8.x client.
# Home (lib/ + modules/), data/, logs/ live under .platform/elasticsearch/.
ES_URL=${ELASTICSEARCH_URL:-http://127.0.0.1:9200}
ES_URL=${ES_URL%/}
PORT=$(sed -E 's#^[a-z]+://[^:/]+:([0-9]+).*$#\1#' <<<"$ES_URL")
[[ "$PORT" =~ ^[0-9]+$ ]] || PORT=9200
ES_SRC="$ROOT/elasticsearch"
ES_HOME="$STATE/home"
ES_LAUNCHER="$ES_SRC/target/search-node.jar"
ES_COMPAT="$ES_SRC/target/search-node-netty4-compat.jar"
ES_HEAP_OPTS=${ES_HEAP_OPTS:--Xms512m -Xmx1g}
START_TIMEOUT=120

install() {
  require_java
  local major
  major=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  [ "${major%%.*}" -ge 17 ] 2>/dev/null || fail "needs Java 17+, found java.specification.version=$major"
  # server + module jars -> elasticsearch/lib (only when missing or pom.xml changed)
  mvn_resolve "$ES_SRC"
  ls "$ES_SRC"/lib/opensearch-[0-9]*.jar >/dev/null 2>&1 || fail "elasticsearch/lib has no opensearch server jar (delete elasticsearch/lib and retry)"
  # launcher jars -> elasticsearch/target (only when a source or the pom is newer than the jar)
  if [ ! -f "$ES_LAUNCHER" ] || [ ! -f "$ES_COMPAT" ] || [ "$ES_SRC/pom.xml" -nt "$ES_LAUNCHER" ] \
     || [ -n "$(find "$ES_SRC/src" -newer "$ES_LAUNCHER" -type f -print -quit)" ]; then
    say "  building the search node launcher"
    (cd "$ES_SRC" && mvn -q -B package) >"$PLATFORM_DIR/mvn-elasticsearch-build.log" 2>&1 \
      || fail "launcher build failed: see .platform/mvn-elasticsearch-build.log ($(grep -m1 ERROR "$PLATFORM_DIR/mvn-elasticsearch-build.log"))"
  fi
  # distribution layout (home/lib + home/modules/<name>/plugin-descriptor.properties), redone when jars changed
  if [ ! -f "$ES_HOME/VERSION" ] || [ "$ES_SRC/lib/.pom.sha" -nt "$ES_HOME/VERSION" ] \
     || [ "$ES_COMPAT" -nt "$ES_HOME/VERSION" ]; then
    java -cp "$ES_LAUNCHER" platform.search.Layout "$ES_SRC/lib" "$ES_COMPAT" "$ES_HOME" >/dev/null \
      || fail "could not lay out the node home in ${ES_HOME#$ROOT/}"
  fi
}

start() {
  # shellcheck disable=SC2086
  start_bg java $ES_HEAP_OPTS -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -XX:-OmitStackTraceInFastThrow \
    -Djava.awt.headless=true -Dfile.encoding=UTF-8 -Djna.nosys=true \
    -Dio.netty.noUnsafe=true -Dio.netty.noKeySetOptimization=true -Dio.netty.recycler.maxCapacityPerThread=0 \
    -Dlog4j.shutdownHookEnabled=false -Dlog4j2.disable.jmx=true -Dlog4j2.formatMsgNoLookups=true \
    -Djava.locale.providers=SPI,COMPAT \
    -Dsearch.base="$STATE" -cp "$ES_LAUNCHER:$ES_HOME/lib/*" platform.search.SearchNode
}

healthy() {
  [[ $(curl -fsS -m 3 "$ES_URL/_cluster/health" 2>/dev/null) =~ \"status\"\ *:\ *\"(green|yellow)\" ]]
}

version() {
  local v; v=$(cat "$ES_HOME/VERSION" 2>/dev/null || echo '?')
  echo "OpenSearch $v (ES 8 API)"
}
