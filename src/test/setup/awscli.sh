#!/usr/bin/env bash
# The AWS CLI, which the containment tests drive against the sandbox (ObserveAwsCliTest, AwsCliSandboxTest,
# ContainedProofTest): the README claims a generated policy holds "through the AWS CLI", so the tests fail
# without one instead of skipping. Installs Debian's awscli only when no aws on PATH runs: a pyenv shim for
# a Python without the CLI is on PATH but does not run, and the tests pass over it the same way.
set -euo pipefail
aws --version >/dev/null 2>&1 && exit 0
[ -x /usr/bin/aws ] && /usr/bin/aws --version >/dev/null 2>&1 && exit 0
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends awscli >/dev/null
/usr/bin/aws --version >/dev/null
