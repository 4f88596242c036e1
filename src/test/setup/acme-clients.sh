#!/usr/bin/env bash
# The real ACME clients the proof tests run (dev.policygen.proof): Debian's Pebble (ACME server), lego,
# certbot with its Route 53 plugin, and openssl for Pebble's throwaway TLS certificate. Installs only
# what is missing, so a second run costs nothing.
set -euo pipefail
missing=()
command -v pebble >/dev/null || missing+=(pebble)
command -v lego >/dev/null || missing+=(lego)
command -v certbot >/dev/null || missing+=(certbot)
[ -d /usr/lib/python3/dist-packages/certbot_dns_route53 ] || missing+=(python3-certbot-dns-route53)
command -v openssl >/dev/null || missing+=(openssl)
[ ${#missing[@]} -eq 0 ] && exit 0
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
