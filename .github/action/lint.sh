#!/usr/bin/env bash
# The GitHub Action's one step (action.yml), a script so that it can be tested off GitHub with the variables a
# runner sets (ActionScriptTest): GITHUB_ACTION_PATH (this repository), GITHUB_WORKSPACE (the user's checkout),
# GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP, and the INPUT_* variables action.yml passes.
# It builds target/policygen.jar with the runner's Maven unless it is there (or POLICYGEN names a launcher),
# lints the paths into the SARIF file, writes the outputs and the summary, and only then exits with lint's
# code, so an upload step with if: always() finds the report.
set -euo pipefail
action_path=${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set}
workspace=${GITHUB_WORKSPACE:?GITHUB_WORKSPACE is not set}
temp=${RUNNER_TEMP:-${TMPDIR:-/tmp}}
sarif=${INPUT_SARIF_FILE:-policygen.sarif}
fail_on=${INPUT_FAIL_ON:-error}
paths=${INPUT_PATHS:-.}

if [ -n "${POLICYGEN:-}" ]; then
  policygen=("$POLICYGEN")
else
  jar=$action_path/target/policygen.jar
  if [ ! -f "$jar" ]; then
    echo "policygen: building $jar with $(command -v mvn || echo 'no mvn on PATH')" >&2
    (cd "$action_path" && mvn -B -q package -DskipTests) >&2 || { echo "::error::policygen: the build failed"; exit 70; }
  fi
  policygen=(java -jar "$jar")
fi

cd "$workspace"
files=()
for path in $paths; do
  if [ -d "$path" ]; then
    while IFS= read -r -d '' file; do
      files+=("${file#./}")
    done < <(find "$path" \( -name .git -o -name node_modules -o -name .terraform -o -name target \) -prune \
      -o -type f \( -name '*.json' -o -name '*.yaml' -o -name '*.yml' -o -name '*.template' \) -print0 | sort -z)
  elif [ -f "$path" ]; then
    files+=("$path")
  else
    echo "::error::policygen: no such file or folder: $path"
    exit 3
  fi
done
if [ ${#files[@]} -eq 0 ]; then
  # lint needs a FILE; an empty object is none it recognises, so the report holds the rule table and no result
  echo '{}' > "$temp/policygen-nothing.json"
  files=("$temp/policygen-nothing.json")
  echo "::warning::policygen: no .json, .yaml, .yml or .template file under: $paths"
fi

options=(lint --format sarif --fail-on "$fail_on" --skip-unrecognized)
if [ -n "${INPUT_CONFIG:-}" ]; then
  options+=(--config "$INPUT_CONFIG")
fi
mkdir -p "$(dirname "$sarif")"
status=0
"${policygen[@]}" "${options[@]}" -- "${files[@]}" > "$sarif" || status=$?

# the report is pretty-printed, one key a line: every result has one ruleId, a suppressed one one suppressions
results=$(grep -c '"ruleId"' "$sarif" || true)
suppressed=$(grep -c '"suppressions"' "$sarif" || true)
findings=$((results - suppressed))
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "sarif-file=$sarif"
    echo "findings=$findings"
    echo "suppressed=$suppressed"
    echo "exit-code=$status"
  } >> "$GITHUB_OUTPUT"
fi
if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  {
    echo "### policygen lint"
    echo
    echo "${#files[@]} file(s) looked at (others than policies, plans and templates are skipped): $findings finding(s), $suppressed suppressed; fail-on $fail_on; exit code $status. SARIF: \`$sarif\`."
  } >> "$GITHUB_STEP_SUMMARY"
fi
case $status in
  0) ;;
  1) echo "::error::policygen lint: findings at or above $fail_on (see $sarif)" ;;
  *) echo "::error::policygen lint exited $status" ;;
esac
exit "$status"
