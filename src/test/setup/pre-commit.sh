#!/usr/bin/env bash
# Debian's pre-commit, which PreCommitHookTest runs for real against .pre-commit-hooks.yaml: the README's
# claim that the hook blocks a commit rests on it, so the test fails without one instead of skipping.
# Installs only when no pre-commit on PATH runs, so a second run costs nothing.
set -euo pipefail
pre-commit --version >/dev/null 2>&1 && exit 0
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends pre-commit git >/dev/null
pre-commit --version >/dev/null
