# Laravel queue worker of the admin (Redis queue "admin"): bulk imports and other slow jobs.
DEPENDS="php-fpm"
ADMIN="$ROOT/admin-service"

start() {
  start_supervised php "$ADMIN/artisan" queue:work redis --queue="${ADMIN_QUEUE:-admin}" --tries=3 --backoff=5 --sleep=1
}

# Ready once Laravel booted and the worker loop runs: the supervised process is alive for a few seconds.
healthy() { child_alive && [ $(( $(date +%s) - $(stat -c %Y "$STATE/$NAME.child.pid") )) -ge 2 ]; }
version() { echo "Laravel $(laravel_version) queue:work"; }
