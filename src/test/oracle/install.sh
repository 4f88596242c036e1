#!/usr/bin/env bash
# Installs the differential-test oracle, @cloud-copilot/iam-simulate (AGPL-3.0), into a cache
# directory outside the build output. It is only ever run by tests as a separate node process and
# is never bundled with policygen. Versions are pinned by package.json and package-lock.json here.
#
# Usage: src/test/oracle/install.sh [DIR]     (default: .ci/cache/oracle, or $ORACLE_DIR)
# Idempotent: does nothing when DIR already holds exactly the locked versions.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
dir="${1:-${ORACLE_DIR:-$root/.ci/cache/oracle}}"

command -v node >/dev/null || { echo "install.sh: node is not installed" >&2; exit 1; }
command -v npm >/dev/null || { echo "install.sh: npm is not installed" >&2; exit 1; }

mkdir -p "$dir"
# npm ci reinstalls from scratch; skip it when the installed tree already matches the lock file.
if [ -f "$dir/node_modules/.package-lock.json" ] && cmp -s "$here/package-lock.json" "$dir/package-lock.json"; then
    echo "oracle already installed in $dir"
    exit 0
fi
cp "$here/package.json" "$here/package-lock.json" "$dir/"
(cd "$dir" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
echo "oracle installed in $dir: $(node -p "require('$dir/node_modules/@cloud-copilot/iam-simulate/package.json').version")"
