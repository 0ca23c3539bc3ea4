#!/usr/bin/env bash
# Harbour's whole test suite: every Rust test on SQLite, the same tests again on PostgreSQL,
# then the browser tests (Playwright driving Debian's Chromium, axe-core).
#
#   scripts/test.sh            everything
#   SKIP_BROWSER=1 scripts/test.sh   Rust suites only
#
# PostgreSQL: HARBOUR_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres);
# each test creates its own database and drops it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_URL="${HARBOUR_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"

echo "== Rust tests on SQLite"
env -u HARBOUR_TEST_POSTGRES_URL cargo test --workspace --locked

echo "== Rust tests on PostgreSQL ($PG_URL)"
HARBOUR_TEST_POSTGRES_URL="$PG_URL" cargo test --workspace --locked

if [ "${SKIP_BROWSER:-0}" != "1" ]; then
  echo "== Browser tests (Playwright + Chromium + axe-core)"
  cargo build --locked -p harbour
  [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund
  HARBOUR_BIN="$PWD/target/debug/harbour" node --test --test-concurrency=1 tests/browser/
fi
echo "== all suites passed"
