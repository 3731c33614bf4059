#!/usr/bin/env bash
# The demo from a fresh clone: install, start the real local stack, seed the Nexus disk-full
# incident, ask calvin what is wrong with Nexus, then start calvin serve, let the stack's Kapacitor
# fire the shipped disk-full alert on nexus-02 (its calvin() handler posts to serve through the
# endpoint "calvin" of kapacitor.conf), and print the URL of the alert's page.
# `npm run stack -- down` stops it all.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
# Always build: a dist/ left from an older checkout would diagnose with old code.
npx tsc -p tsconfig.build.json
node scripts/build-cli-bundle.mjs
node scripts/stack.mjs up
node scripts/stack.mjs seed nexus-disk-full
export CONSUL_HTTP_ADDR=127.0.0.1:18500
status=0
node bin/calvin.js diagnose nexus --since 1h "$@" || status=$?
echo "(calvin diagnose exited $status: 0 healthy, 1 degraded/critical, 2 could not run, 3 unknown)" >&2
[ "$status" -le 1 ]
node scripts/stack.mjs serve
echo "Run calvin yourself from this clone: CONSUL_HTTP_ADDR=127.0.0.1:18500 npx calvin diagnose nexus" >&2
node scripts/demo-alert.mjs
