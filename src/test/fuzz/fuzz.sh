#!/usr/bin/env bash
# A bounded Jazzer fuzzing pass over every fuzz test, run by ./run-tests after the normal suite.
# Each target fuzzes for the maxDuration in its @FuzzTest (30 s), starting from the committed seeds in
# src/test/resources/**/<Class>Inputs/<method>/ and the local .cifuzz-corpus/ (git-ignored).
#
# Jazzer fuzzes only one fuzz test per JVM, so each target is in its own class and surefire forks a
# fresh JVM per class (reuseForks=false): one Maven start for all targets.
#
# A finding fails the fuzz test and so this script. Jazzer also leaves the input as crash-* (or
# timeout-*, oom-*, ...) next to the seeds; those names are git-ignored, and this script fails when
# the run left any, even if Maven did not. Usage: src/test/fuzz/fuzz.sh [extra Maven arguments]
set -euo pipefail
cd "$(dirname "$0")/../../.."

targets=(
  "PolicyRoundTripTest#readerNeverThrowsAnythingButInputException"
  "LintPolicyJsonFuzzTest#policyJson"
  "LintCloudFormationFuzzTest#cloudFormationTemplate"
  "LintTerraformPlanFuzzTest#terraformPlan"
  "CertificateNameTest#fuzzDomainLists"
)

started=$(mktemp)
trap 'rm -f "$started"' EXIT
status=0
log=target/fuzz.log
mkdir -p target
echo "fuzz: ${#targets[@]} targets, libFuzzer's output in $log" >&2
JAZZER_FUZZ=1 mvn -B test -Dtest="$(IFS=,; echo "${targets[*]}")" -DreuseForks=false -DforkCount=1 "$@" \
  > "$log" 2>&1 || status=$?
# libFuzzer's closing line per target (inputs run, coverage, speed), then surefire's verdict
grep -E '^#[0-9]+[[:space:]]+DONE|Tests run:|BUILD|ERROR|FAIL' "$log" || true
if [ "$status" -ne 0 ]; then
  tail -n 150 "$log" >&2
fi

# not slow-unit-*: libFuzzer writes one for any input that took 10 s or more, which a stall of a busy
# machine causes as well as the input; a hang it caused is still a timeout-* (and fails the fuzz test)
findings=$(find . -path ./target -prune -o -path ./.git -prune -o -path ./.ci -prune -o -type f \
  \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' \) \
  -newer "$started" -print)
if [ -n "$findings" ]; then
  echo "fuzz: Jazzer wrote findings; reproduce each with plain mvn test, fix, keep it as a named seed:" >&2
  echo "$findings" >&2
  status=1
fi
exit "$status"
