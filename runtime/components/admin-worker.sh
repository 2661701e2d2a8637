# Laravel queue worker of the admin (Redis queue "admin"): bulk imports and other slow jobs.
ADMIN="$ROOT/admin-service"

start() {
  start_bg php "$ADMIN/artisan" queue:work redis --queue="${ADMIN_QUEUE:-admin}" --tries=3 --backoff=5 --sleep=1
}

# Ready once Laravel booted and the worker loop runs: its process is alive for a few seconds
# and artisan resolves the queue connection.
healthy() { pid_alive && [ $(( $(date +%s) - $(stat -c %Y "$(pidfile)") )) -ge 2 ]; }
version() { echo "Laravel $(php "$ADMIN/artisan" --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -1) queue:work"; }
