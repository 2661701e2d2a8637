# php-fpm (Debian PHP 8.2) serving the Laravel admin; nginx routes /admin here.
DEPENDS="schema redis debian-packages"
PORT=$PHP_FPM_PORT
ADMIN="$ROOT/admin-service"

install() {
  admin_storage_dirs
  admin_assets_build
  # the admin's own service key for the gateway's ops routes (ADMIN_SERVICE_API_KEY; idempotent)
  php "$ADMIN/artisan" api-key:provision-service || fail "api-key:provision-service failed (see the message above)"
}

# The admin's Tailwind/Alpine assets (Vite -> public/build, gitignored): rebuilt when a view,
# script, style or build config is newer than the last build.
admin_assets_build() {
  local stamp="$ADMIN/public/build/.build-stamp"
  require_cmd node "install Node.js 20+"
  npm_install "$ADMIN"
  if [ -f "$stamp" ] && [ -z "$(find "$ADMIN/resources" "$ADMIN/app/View" "$ADMIN/package.json" "$ADMIN/package-lock.json" \
       "$ADMIN"/*.config.* -type f -newer "$stamp" -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  say "  building admin assets (vite)"
  # builds into public/build.next and swaps it in: pages being served never see a half-written build
  (cd "$ADMIN" && npm run build --silent) >"$PLATFORM_DIR/build-admin-assets.log" 2>&1 \
    || fail "admin asset build failed: see .platform/build-admin-assets.log"
  touch "$stamp"
}

# -R: the native runtime runs as root on dev machines and CI; the image runs it as www-data.
start() {
  PHP_FPM_LISTEN="127.0.0.1:$PORT" start_bg php-fpm8.2 --nodaemonize -R --fpm-config "$ADMIN/docker/php-fpm.conf"
}

healthy() { pid_alive && port_in_use "$PORT"; }
version() { php-fpm8.2 -v | head -1 | awk '{print "php-fpm " $2}'; }
