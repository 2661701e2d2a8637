# Order worker (api-gateway/dist/worker.js): outbox relay -> Kafka, order.paid -> confirmation
# email over SMTP (maildev), expired-reservation reaper. No port: healthy once the process has
# written its ready file (after the Kafka consumer joined and the relay started).
APP="$ROOT/api-gateway"
START_TIMEOUT=90

needs_build() {
  [ -f "$APP/dist/worker.js" ] || return 0
  [ -n "$(find "$APP/src" "$APP/package.json" "$APP/tsconfig.json" "$APP/tsconfig.build.json" \
          -newer "$APP/dist/worker.js" \( -name '*.ts' -o -name '*.json' \) -print -quit 2>/dev/null)" ]
}

install() {
  require_cmd node "install Node.js 20+"
  npm_install "$APP"
  if needs_build; then
    say "  building api-gateway (tsc) for the order worker"
    (cd "$APP" && npm run build --silent) >"$PLATFORM_DIR/build-order-worker.log" 2>&1 \
      || fail "build failed: see .platform/build-order-worker.log ($(grep -m1 'error TS' "$PLATFORM_DIR/build-order-worker.log"))"
    touch "$APP/dist/worker.js"
  fi
}

start() {
  rm -f "$STATE/ready"
  cd "$APP" && ORDER_WORKER_READY_FILE="$STATE/ready" start_bg node dist/worker.js
}

healthy() { pid_alive && [ -f "$STATE/ready" ]; }

version() {
  echo "order-worker (kafkajs $(node -p "require('$APP/node_modules/kafkajs/package.json').version" 2>/dev/null)) / node $(node -v)"
}
