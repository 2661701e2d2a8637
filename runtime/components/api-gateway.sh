# NestJS API gateway (identity, catalog API, OpenAPI, health, metrics) from api-gateway/dist.
PORT=$GATEWAY_PORT
APP="$ROOT/api-gateway"

# needs_build: dist missing, or any source/config newer than the last build
needs_build() {
  [ -f "$APP/dist/main.js" ] || return 0
  [ -n "$(find "$APP/src" "$APP/package.json" "$APP/tsconfig.json" "$APP/tsconfig.build.json" \
          -newer "$APP/dist/main.js" \( -name '*.ts' -o -name '*.json' \) -print -quit 2>/dev/null)" ]
}

install() {
  require_cmd node "install Node.js 20+"
  require_cmd curl "apt-get install curl"
  npm_install "$APP"
  if needs_build; then
    say "  building api-gateway (tsc)"
    (cd "$APP" && npm run build --silent) >"$PLATFORM_DIR/build-api-gateway.log" 2>&1 \
      || fail "api-gateway build failed: see .platform/build-api-gateway.log ($(grep -m1 'error TS' "$PLATFORM_DIR/build-api-gateway.log"))"
    touch "$APP/dist/main.js"
  fi
}

start() {
  cd "$APP" && start_bg node dist/main.js
}

healthy() { curl -fsS --max-time 2 "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1; }

version() {
  echo "NestJS $(node -p "require('$APP/node_modules/@nestjs/core/package.json').version" 2>/dev/null) / node $(node -v)"
}
