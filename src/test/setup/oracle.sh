#!/usr/bin/env bash
# The differential test's independent evaluator (npm, AGPL: installed for tests only, run out of process).
set -euo pipefail
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt-get update -qq && apt-get install -y -qq nodejs npm >/dev/null
fi
exec bash "$(dirname "$0")/../oracle/install.sh"
