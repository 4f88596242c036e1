#!/usr/bin/env bash
# Debian's zsh, for ShellCompletionTest's syntax check of the generated zsh completion (share/zsh/site-functions/
# _policygen); the test fails without it. Installs only when no zsh is on PATH.
set -euo pipefail
command -v zsh >/dev/null 2>&1 && exit 0
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends zsh >/dev/null
zsh --version >/dev/null
