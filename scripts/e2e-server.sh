#!/usr/bin/env bash
# Serves the production build for the end-to-end tests: on a fresh embedded database in
# .data/e2e-pglite, or on DATABASE_URL when it is set. E2E_SKIP_BUILD=1 reuses an existing build.
set -euo pipefail
port="${1:-3100}"
export NEXT_TELEMETRY_DISABLED=1
if [ "${E2E_SKIP_BUILD:-0}" != "1" ] || [ ! -f .next/attune-server.cjs ]; then
  # Turbopack resolves nothing outside the project root, so a worktree whose node_modules is a
  # symlink to another checkout builds with webpack instead.
  if [ -L node_modules ]; then npx next build --webpack && node scripts/build-server.mjs; else npm run build; fi
fi
if [ -z "${DATABASE_URL:-}" ]; then
  export ATTUNE_DATA_DIR=".data/e2e-pglite"
  rm -rf "$ATTUNE_DATA_DIR"
fi
# A mock OpenID Connect provider, so "sign in with SSO" is tested end to end.
oidc_port=$((port + 99))
node scripts/mock-oidc.mjs "$oidc_port" &
trap 'kill $! 2>/dev/null || true' EXIT
export OIDC_ISSUER="http://localhost:${oidc_port}" OIDC_CLIENT_ID="attune-e2e" OIDC_CLIENT_SECRET="e2e-secret" OIDC_NAME="Mock IdP" OIDC_ALLOW_EMAIL_LINKING=true

# Next normalizes 127.0.0.1 to "localhost" in request URLs, so the tests and Auth.js links both use localhost.
export AUTH_URL="http://localhost:${port}"
# Scheduled work follows a clock the tests move through /dev/clock, and is looked for often.
export ATTUNE_TEST_CLOCK=true ATTUNE_JOB_POLL_MS=300
# Webhook journeys deliver to a receiver the test starts on 127.0.0.1 (tests and local development only).
export ATTUNE_WEBHOOKS_ALLOW_LOOPBACK=true
PORT="$port" HOST=localhost npm run serve
