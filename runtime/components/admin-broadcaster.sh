# Relays the gateway's order events (outbox: order.created, order.status_changed) to Laravel
# broadcasting (Redis -> admin-echo -> the admin's open pages): php artisan orders:broadcast.
DEPENDS="php-fpm redis"
ADMIN="$ROOT/admin-service"

start() { start_supervised php "$ADMIN/artisan" orders:broadcast --max-wait-ms="${ORDERS_BROADCAST_MAX_WAIT_MS:-10000}"; }

# Ready once Laravel booted and the relay loop runs: the supervised process is alive for a few seconds.
healthy() { child_alive && [ $(( $(date +%s) - $(stat -c %Y "$STATE/$NAME.child.pid") )) -ge 2 ]; }
version() { echo "Laravel $(laravel_version) orders:broadcast"; }
