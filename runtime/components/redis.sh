# Redis from Debian: own instance (cache, rate limits, token denylist, queues).
DEPENDS=""
PORT=$REDIS_PORT

install() { command -v redis-server >/dev/null || apt_install redis-server; }

start() {
  start_bg redis-server --port "$PORT" --bind 127.0.0.1 --dir "$STATE" \
    --appendonly yes --save "" --daemonize no --logfile ""
}

# (timeouts: a foreign listener on the port must not hang the probe)
healthy() { [ "$(timeout 2 redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null)" = PONG ]; }
stop()    { timeout 5 redis-cli -h 127.0.0.1 -p "$PORT" shutdown nosave >/dev/null 2>&1 || true; stop_pidfile; }
version() { echo "Redis $(redis-server --version | grep -o 'v=[0-9.]*' | cut -d= -f2)"; }
