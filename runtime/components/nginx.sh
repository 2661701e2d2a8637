# nginx from Debian: the single entry point on $NGINX_PORT (same site template as Compose).
DEPENDS="api-gateway php-fpm storefront debian-packages"
# launched beside its upstreams: nginx needs only their addresses (502 until they answer, and
# `up` returns once they do), so its start is not added after theirs
LAUNCH_BESIDE="api-gateway php-fpm"
PORT=$NGINX_PORT
# product images (the admin's `media` disk, MEDIA_ROOT), served at /media/
MEDIA_DIR=${MEDIA_ROOT:-$ROOT/admin-service/storage/app/media}

# render_site: the shared template with the native values (Compose sets the same variables).
render_site() {
  GATEWAY_UPSTREAM="127.0.0.1:$GATEWAY_PORT" GATEWAY_PROXY=api_gateway NGINX_RESOLVER="" \
  ADMIN_FPM_UPSTREAM="127.0.0.1:$PHP_FPM_PORT" ADMIN_ECHO_UPSTREAM="127.0.0.1:${ADMIN_ECHO_PORT:-6001}" ADMIN_PUBLIC_ROOT="$ROOT/admin-service/public" \
  MEDIA_ROOT="$MEDIA_DIR" STOREFRONT_ROOT="$ROOT/api-gateway/storefront/dist" NGINX_ACCESS_LOG="$STATE/access.log" \
    envsubst '${GATEWAY_UPSTREAM} ${GATEWAY_PROXY} ${NGINX_RESOLVER} ${ADMIN_FPM_UPSTREAM} ${ADMIN_ECHO_UPSTREAM} ${ADMIN_PUBLIC_ROOT} ${MEDIA_ROOT} ${STOREFRONT_ROOT} ${NGINX_ACCESS_LOG} ${NGINX_PORT}' \
    <"$ROOT/runtime/nginx/commerce.conf.template"
}

install() {
  mkdir -p "$STATE/tmp"
  # the site template includes fastcgi_params relative to the config dir, as in the image
  ln -sf /etc/nginx/fastcgi_params "$STATE/fastcgi_params"
  mkdir -p "$MEDIA_DIR"
  render_site >"$STATE/site.conf"
  cat >"$STATE/nginx.conf" <<CONF
daemon off;
worker_processes 2;
pid $STATE/master.pid;
error_log $LOG warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log $STATE/access.log;
  client_body_temp_path $STATE/tmp/body;
  proxy_temp_path $STATE/tmp/proxy;
  fastcgi_temp_path $STATE/tmp/fastcgi;
  uwsgi_temp_path $STATE/tmp/uwsgi;
  scgi_temp_path $STATE/tmp/scgi;
  include $STATE/site.conf;
}
CONF
  nginx -t -q -c "$STATE/nginx.conf" -e "$LOG" 2>>"$LOG" || fail "invalid nginx config: see ${LOG#$ROOT/}"
  # a running nginx picks up a changed site template at once (graceful reload, no dropped requests)
  if pid_alive; then nginx -s reload -c "$STATE/nginx.conf" -e "$LOG" 2>>"$LOG" || true; fi
}

start()   { start_bg nginx -c "$STATE/nginx.conf" -e "$LOG"; }
healthy() { curl -s --max-time 2 -o /dev/null "http://127.0.0.1:$PORT/"; }
version() { nginx -v 2>&1 | sed 's#.*nginx/#nginx #'; }
