#!/usr/bin/env bash
# Baseline for renew (issue §4): Route 53 calls per certificate and issuance wall time of Debian's lego
# 4.9.1 and certbot 2.1.0, for 1 and for 10 names, against Pebble and the policy-enforcing sandbox, all
# on 127.0.0.1; in the same run, policygen renew's rows and its 100-certificate run (issue 5, checked
# against its targets). Usage: bench/acme-clients.sh [RUNS]   (default 3 runs per row; needs the packages
# of src/test/setup/acme-clients.sh). Prints markdown tables, also left in target/bench/acme-clients.md;
# the tables are written before the renew targets are checked, so a missed target still leaves them.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
for program in pebble lego /usr/bin/certbot; do
  command -v "$program" >/dev/null || { echo "bench/acme-clients.sh: $program missing; run src/test/setup/acme-clients.sh" >&2; exit 2; }
done
status=0
mvn -q -B test -Dtest=AcmeClientsBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.runs="$runs" \
  -DtrimStackTrace=false >&2 || status=$?
cat target/bench/acme-clients.md
exit "$status"
