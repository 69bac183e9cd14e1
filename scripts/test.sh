#!/usr/bin/env bash
# Runs every test: the typecheck, lint and format check first, then unit and
# component tests (vitest), then, against a production build, the cluster
# tests (nginx in front of app servers) and browser tests (Playwright in
# Debian's Chromium).
# It gets what it needs by itself: node modules when missing, and Chromium,
# PostgreSQL, nginx, Redis and Java through apt-get when running as root (otherwise
# it names the command).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
chromium_path="${CHROMIUM_PATH:-$(command -v chromium || true)}"
[ -n "$chromium_path" ] && [ -x "$chromium_path" ] || missing+=(chromium)
if ! command -v pg_config >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi
# The cluster tests put nginx in front of the app servers.
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
# ... and share their page cache and publications through Redis.
command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
# The Nu HTML Checker (npm vnu-jar) runs on Java.
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing ${missing[*]} for the tests..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  else
    echo "The tests need ${missing[*]}. Install it with:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

if [ ! -f node_modules/.package-lock.json ]; then
  npm ci
fi

# The tests build into their own folder (next.config.ts's distDir), so the
# build `npm start` serves from .next, running or not, is left as it was.
export DATELINE_DIST_DIR=.next-test
# Checked at the end: every file of .next byte for byte, but for what a
# running `npm start` writes itself (regenerated pages and its cache).
build_fingerprint() {
  [ -d .next ] || return 0
  (cd .next && find . \( -path ./cache -o -path ./server/app \) -prune -o -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum | sha256sum)
}
before="$(build_fingerprint)"
check_build_untouched() {
  if [ "$(build_fingerprint)" != "$before" ]; then
    echo 'The test run changed the production build in .next; it must only use .next-test.' >&2
    exit 1
  fi
}

# The quick checks first: a type error, a crossed boundary or an unformatted
# file fails in seconds, before minutes of tests.
npx tsc --noEmit
npx eslint --max-warnings=0 .
npx prettier --check . >/dev/null || { npx prettier --list-different . >&2; echo 'Run npm run format to fix the files above.' >&2; exit 1; }
npx vitest run
# Fewer prerendered articles than samples, so the browser tests cover both
# kinds: prerendered at build, and rendered on first request.
PRERENDER_RECENT=12 npx next build
npx vitest run --config vitest.cluster.config.mts
npx playwright test
check_build_untouched
