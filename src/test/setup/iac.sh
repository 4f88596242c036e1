#!/usr/bin/env bash
# The independent checkers of the Terraform and CloudFormation golden output (IacGoldenOutputTest):
# HashiCorp's HCL parser (@cdktf/hcl2json, MPL-2.0) and the CloudFormation resource specification
# (@aws-cdk/cfnspec, Apache-2.0). Test-only, run out of process by node, never bundled. Versions are
# pinned by src/test/iac/package.json and package-lock.json; installed into .ci/cache/iac (gitignored),
# or $IAC_DIR. Idempotent: does nothing when that folder already holds exactly the locked versions.
set -euo pipefail
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
fi
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../iac" && pwd)"
root="$(cd "$here/../../.." && pwd)"
dir="${IAC_DIR:-$root/.ci/cache/iac}"
mkdir -p "$dir"
if [ -f "$dir/node_modules/.package-lock.json" ] && cmp -s "$here/package-lock.json" "$dir/package-lock.json"; then
  exit 0
fi
cp "$here/package.json" "$here/package-lock.json" "$dir/"
(cd "$dir" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error)
# npm install may rewrite the lock file; keep the committed one so the check above matches next time
cp "$here/package-lock.json" "$dir/package-lock.json"
echo "iac checkers installed in $dir: hcl2json $(node -p "require('$dir/node_modules/@cdktf/hcl2json/package.json').version"), cfnspec $(node -p "require('$dir/node_modules/@aws-cdk/cfnspec/package.json').version")"
