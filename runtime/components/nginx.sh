# nginx from Debian: the single entry point on $NGINX_PORT (same site template as Compose).
DEPENDS="api-gateway php-fpm"
PORT=$NGINX_PORT

install() {
  command -v nginx >/dev/null || apt_install nginx-light
  command -v envsubst >/dev/null || apt_install gettext-base
  mkdir -p "$STATE/tmp"
  # the site template includes fastcgi_params relative to the config dir, as in the image
  ln -sf /etc/nginx/fastcgi_params "$STATE/fastcgi_params"
  GATEWAY_UPSTREAM="127.0.0.1:$GATEWAY_PORT" ADMIN_FPM_UPSTREAM="127.0.0.1:$PHP_FPM_PORT" \
  ADMIN_PUBLIC_ROOT="$ROOT/admin-service/public" \
    envsubst '${GATEWAY_UPSTREAM} ${ADMIN_FPM_UPSTREAM} ${ADMIN_PUBLIC_ROOT} ${NGINX_PORT}' \
    <"$ROOT/runtime/nginx/commerce.conf.template" >"$STATE/site.conf"
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
