#!/usr/bin/env bash
# `npm test`: every jest project (unit, integration, e2e) against real infrastructure, started with
# the test profile of deploy/local/infra.sh (Kafka 127.0.0.1:19092, database newsflow_test, Redis db 1),
# so a running dev stack is never touched. Arguments go to jest: `npm test -- --selectProjects unit`.
# Whatever this run started (Kafka, and PostgreSQL/Redis where none was answering) it stops again.
# The last line printed is `N passed, N failed[, N skipped]`; the exit code is jest's.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

infra() { bash deploy/local/infra.sh "$@" --profile test; }

work=$(mktemp -d "${TMPDIR:-/tmp}/newsflow-test.XXXXXX")
started=() # components that were not running before this run
summary=

# shellcheck disable=SC2317 # invoked by the EXIT trap
finish() {
  local rc=$?
  trap - EXIT INT TERM
  if ((${#started[@]})); then infra down "${started[@]}" || true; fi
  rm -rf "$work"
  if [[ -z $summary ]]; then # failed before jest could report (infra, build, or jest itself crashed)
    summary="0 passed, 1 failed"
    ((rc != 0)) || rc=1
  fi
  echo "$summary"
  exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

for component in kafka postgres redis; do
  infra status "$component" >/dev/null 2>&1 || started+=("$component")
done
infra up
eval "$(infra env)"
export NODE_ENV=test

npx tsc -b tsconfig.build.json

# Unit and integration specs run in parallel; the end-to-end specs then run alone (in band), because
# they pause the broker and kill services, which must not disturb other specs. Arguments given to
# `npm test -- …` replace this with one jest run.
rc=0
if (($#)); then
  npx jest --ci --json --outputFile="$work/jest-1.json" "$@" || rc=$?
else
  npx jest --ci --json --outputFile="$work/jest-1.json" --selectProjects unit integration || rc=$?
  npx jest --ci --json --outputFile="$work/jest-2.json" --selectProjects e2e --runInBand || rc=$?
fi

# Counts from jest's JSON. A suite that could not run (syntax error, failing import) counts as one
# failure, and so does a non-zero exit with nothing failed, so the line never contradicts the exit code.
summary=$(
  node - "$rc" "$work"/jest-*.json <<'EOF'
const [rc, ...files] = process.argv.slice(2);
const n = (v) => (Number.isInteger(v) && v > 0 ? v : 0);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files) {
  let r;
  try {
    r = JSON.parse(require('node:fs').readFileSync(file, 'utf8'));
  } catch {
    process.exit(1);
  }
  passed += n(r.numPassedTests);
  failed += n(r.numFailedTests) + n(r.numRuntimeErrorTestSuites);
  skipped += n(r.numPendingTests);
}
if (files.length === 0) process.exit(1);
if (failed === 0 && Number(rc) !== 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
EOF
) || {
  echo "test.sh: jest wrote no readable results in $work (it crashed?)" >&2
  summary="0 passed, 1 failed"
  ((rc != 0)) || rc=1
}
exit "$rc"
