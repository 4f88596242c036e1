#!/bin/sh
# lego --run-hook / --renew-hook: delivers the certificate lego just obtained with policygen deliver.
# lego runs hooks without a shell (it splits the hook line on white space), so the paths it sets in
# LEGO_CERT_PATH and LEGO_CERT_KEY_PATH are read here (docs/deliver.md, "As a deploy hook").
#
# POLICYGEN_DELIVER_TO: the destinations, one --to value a line, as in a renew config, e.g.
#   acm: {certificateArn: arn:aws:acm:us-east-1:123456789012:certificate/...}
# POLICYGEN_DELIVER_OPTIONS: further options, split on white space (e.g. --delete-old --aws-region eu-west-1)
# POLICYGEN: the policygen program (default: policygen on PATH)
set -eu
: "${LEGO_CERT_PATH:?lego sets LEGO_CERT_PATH; run this as lego's --run-hook or --renew-hook}"
: "${LEGO_CERT_KEY_PATH:?lego sets LEGO_CERT_KEY_PATH; run this as lego's --run-hook or --renew-hook}"
: "${POLICYGEN_DELIVER_TO:?set POLICYGEN_DELIVER_TO to the destinations, one a line}"

set -- --cert "$LEGO_CERT_PATH" --key "$LEGO_CERT_KEY_PATH"
# With --no-bundle the .crt holds the certificate alone and lego writes its issuer beside it, as
# <domain>.issuer.crt (lego 4.9.1 names that file in no variable): give it as --chain, or the
# destinations would serve the certificate without its issuer. A bundled .crt carries the issuer itself.
issuer=${LEGO_CERT_PATH%.crt}.issuer.crt
if [ "$(grep -c -e '-----BEGIN CERTIFICATE-----' "$LEGO_CERT_PATH" 2>/dev/null)" = 1 ] && [ -f "$issuer" ]; then
  set -- "$@" --chain "$issuer"
fi
if [ -n "${LEGO_CERT_DOMAIN:-}" ]; then
  set -- "$@" --name "$LEGO_CERT_DOMAIN"
fi
# one --to per line of POLICYGEN_DELIVER_TO; blank lines are skipped
newline='
'
old_ifs=$IFS
set -f # a destination is text, never a file pattern
IFS=$newline
for destination in $POLICYGEN_DELIVER_TO; do
  IFS=$old_ifs
  case $destination in
    *[![:space:]]*) set -- "$@" --to "$destination" ;;
  esac
done
IFS=$old_ifs
# shellcheck disable=SC2086 # the options are split on white space on purpose
exec "${POLICYGEN:-policygen}" deliver "$@" ${POLICYGEN_DELIVER_OPTIONS:-}
