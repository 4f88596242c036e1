#!/usr/bin/env bash
# The renew benchmark of issue 5 (docs/benchmarks.md, "policygen renew vs lego and certbot"): the same
# run as bench/acme-clients.sh (one Pebble, the same policy-enforcing sandbox set-up), which now also
# measures policygen renew for 1 and 10 names (zone id in the config, and zone discovery) and 100
# certificates in one run against a sandbox throttling Route 53 at 5 requests per second. Usage:
# bench/renew.sh [RUNS]  (default 3). Fails (exit 1) after printing the tables when a renew target is missed.
set -euo pipefail
exec "$(dirname "$0")/acme-clients.sh" "$@"
