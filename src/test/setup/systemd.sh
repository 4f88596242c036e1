#!/usr/bin/env bash
# Debian's systemd, for its systemd-analyze: SystemdUnitsTest runs `systemd-analyze verify` on
# packaging/systemd/ and fails without it instead of skipping. verify reads unit files offline; no running
# systemd (PID 1) is needed, so a container is enough. Installs only when systemd-analyze is missing.
set -euo pipefail
command -v systemd-analyze >/dev/null 2>&1 && exit 0
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends systemd >/dev/null
systemd-analyze --version >/dev/null
