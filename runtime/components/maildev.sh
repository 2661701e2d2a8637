# Mail catcher: maildev from npm (SMTP for the order confirmations, web UI + HTTP API).
DEPENDS=""
PORT=$SMTP_PORT
BIN="$ROOT/runtime/node_modules/.bin/maildev"

install() { npm_install "$ROOT/runtime"; }

start() {
  start_bg "$BIN" --ip 127.0.0.1 --smtp "$SMTP_PORT" --web "$MAILDEV_WEB_PORT" --mail-directory "$STATE/mail"
}

healthy() { curl -fsS --max-time 2 "http://127.0.0.1:$MAILDEV_WEB_PORT/healthz" >/dev/null; }
version() { echo "maildev $(package_version "$ROOT/runtime/node_modules/maildev/package.json")"; }
