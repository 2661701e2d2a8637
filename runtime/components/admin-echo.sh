# The admin's Echo-protocol WebSocket server (laravel-echo-server from npm, admin-service/echo-server):
# Laravel broadcasts -> Redis -> Socket.IO at /admin/socket.io (nginx); private channels are
# authorized by the admin's /admin/broadcasting/auth through nginx.
DEPENDS="redis php-fpm"
PORT=${ADMIN_ECHO_PORT:-6001}
ECHO_DIR="$ROOT/admin-service/echo-server"

install() { npm_install "$ECHO_DIR"; }
start()   { ADMIN_ECHO_PORT=$PORT start_supervised node "$ECHO_DIR/start.mjs"; }
# Socket.IO's handshake answers only the platform's origin (PUBLIC_ORIGIN)
healthy() { curl -fsS --max-time 2 -H "Origin: ${PUBLIC_ORIGIN%%,*}" "http://127.0.0.1:$PORT/admin/socket.io/?EIO=3&transport=polling" >/dev/null; }
version() { echo "laravel-echo-server $(package_version "$ECHO_DIR/node_modules/laravel-echo-server/package.json")"; }
