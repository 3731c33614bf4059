#!/usr/bin/env bash
# The whole test suite from a fresh clone: installs dependencies, compiles (strict type check),
# starts the local real stack (Consul, InfluxDB, Elasticsearch), runs unit and integration tests.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== installing dependencies (npm ci)" >&2
  npm ci --no-audit --no-fund
fi

echo "== format and lint of calvin's own code (biome)" >&2
npx biome ci --colors=off

echo "== layers of src/ (docs/architecture.md) and import cycles" >&2
node scripts/check/architecture.mjs
npx dpdm --no-warning --no-tree --progress=false --exit-code circular:1 'src/**/*.ts' >/dev/null || {
  npx dpdm --no-warning --no-tree --progress=false 'src/**/*.ts' >&2
  echo "import cycles in src/: move the shared types into a file both sides import" >&2
  exit 1
}

echo "== type check and compile" >&2
npx tsc -p tsconfig.json --noEmit
npx tsc -p tsconfig.build.json
node scripts/build-cli-bundle.mjs

echo "== browser for the page tests (Debian chromium)" >&2
node scripts/ensure-chromium.mjs >/dev/null

echo "== starting the local stack" >&2
node scripts/stack.mjs up

mkdir -p .calvin
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json=.calvin/vitest.json "$@" || status=$?

# A plain closing line that any CI reader understands.
node -e '
const r = JSON.parse(require("fs").readFileSync(".calvin/vitest.json", "utf8"));
console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
' || true
exit $status
