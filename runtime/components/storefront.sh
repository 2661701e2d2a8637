# Storefront (api-gateway/storefront): TypeScript + Vite, built to static files in
# api-gateway/storefront/dist (gitignored) that nginx serves at /. One-shot task: rebuilt when a
# source, the page, the build config or the lock file is newer than the last build.
DEPENDS=""
KIND=task
STOREFRONT_DIR="$ROOT/api-gateway/storefront"

install() { with_lock storefront-build storefront_build || exit 1; }

storefront_build() {
  local stamp="$STOREFRONT_DIR/dist/.build-stamp"
  require_cmd node "install Node.js 20+"
  npm_install "$STOREFRONT_DIR"
  if [ -f "$stamp" ] && [ -z "$(find "$STOREFRONT_DIR/src" "$STOREFRONT_DIR/index.html" "$STOREFRONT_DIR/package.json" \
       "$STOREFRONT_DIR/package-lock.json" "$STOREFRONT_DIR"/*.config.* "$STOREFRONT_DIR"/tsconfig.json \
       -type f -newer "$stamp" -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  say "  building the storefront (tsc + vite)"
  # builds into dist.next and swaps it in: pages being served never see a half-written build
  (cd "$STOREFRONT_DIR" && npm run build --silent -- --outDir dist.next && rm -rf dist.old \
     && { [ ! -d dist ] || mv dist dist.old; } && mv dist.next dist && rm -rf dist.old) >"$PLATFORM_DIR/build-storefront.log" 2>&1 \
    || fail "storefront build failed: see .platform/build-storefront.log"
  touch "$stamp"
}

run() { [ -f "$STOREFRONT_DIR/dist/index.html" ] || fail "storefront build missing (api-gateway/storefront/dist)"; }
