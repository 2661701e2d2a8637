# php-fpm (Debian PHP 8.2) serving the Laravel admin; nginx routes /admin here.
PORT=$PHP_FPM_PORT
ADMIN="$ROOT/admin-service"

install() {
  # shellcheck disable=SC2046
  apt_install $(cat "$ADMIN/debian-packages.txt")
  mkdir -p "$ADMIN"/storage/{logs,framework/{cache,sessions,views}} "$ADMIN/bootstrap/cache"
}

# -R: the native runtime runs as root on dev machines and CI; the image runs it as www-data.
start() {
  PHP_FPM_LISTEN="127.0.0.1:$PORT" start_bg php-fpm8.2 --nodaemonize -R --fpm-config "$ADMIN/docker/php-fpm.conf"
}

healthy() { pid_alive && port_in_use "$PORT"; }
version() { php-fpm8.2 -v | head -1 | awk '{print "php-fpm " $2}'; }
