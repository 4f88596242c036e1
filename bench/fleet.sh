#!/usr/bin/env bash
# Issue 13 (docs/benchmarks.md, "Renew at fleet scale"): N one-name certificates in one zone renewed in
# one policygen renew pass against Pebble and a sandbox that throttles Route 53 at 5 requests per second
# (AWS's per-account rate), counting Route 53 calls (the sandbox's call log), Throttling answers, wall
# time and the renew JVM's peak heap (from its -Xlog:gc log). Before it, the same pass with Route 53
# answering instantly (no throttle, --route53-rate 100): the ACME-only floor the wall time is held to
# (within 1.5x). The sandbox enforces the documents 'generate ... --split' writes for renew's own line
# (past ~160 names a zone's names are in groups, one change per group: docs/design/name-groups.md). Usage: bench/fleet.sh [N] [floor|no-floor]   (default 150 and floor; needs
# src/test/setup/acme-clients.sh's pebble). Prints a markdown table, also left in target/bench/acme-clients.md.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-150}
case "${2:-floor}" in
  floor) floor=true ;;
  no-floor) floor=false ;;
  *) echo "bench/fleet.sh: second argument is floor or no-floor, got ${2}" >&2; exit 2 ;;
esac
command -v pebble >/dev/null || { echo "bench/fleet.sh: pebble missing; run src/test/setup/acme-clients.sh" >&2; exit 2; }
status=0
mvn -q -B test -Dtest=AcmeClientsBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.clients=policygen \
  -Dbench.rows=false -Dbench.many="$count" -Dbench.floor="$floor" -DtrimStackTrace=false >&2 || status=$?
cat target/bench/acme-clients.md
exit "$status"
