# One-shot task: the Debian packages of the admin (PHP 8.2, Laravel, GD, dompdf: admin-service/debian-packages.txt)
# and of the entry point (nginx). No dependencies, so on a fresh machine apt runs while the JVMs start and
# npm installs, instead of after the schema; a no-op once installed.
DEPENDS=""
KIND=task
NGINX_PACKAGES="nginx-light gettext-base"

# shellcheck disable=SC2046
run() { apt_install $(cat "$ROOT/admin-service/debian-packages.txt") $NGINX_PACKAGES; }
