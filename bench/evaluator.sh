#!/usr/bin/env bash
# Evaluator decisions per second against iam-simulate on the same Route 53 requests, and lint throughput.
#   - JMH (Maven profile bench, sources in src/bench/java): EvaluatorBenchmark and LintBenchmark, with the
#     fork, warm-up and measurement settings in their annotations (2 forks; 5 warm-up and 3 measured iterations
#     of 1 s; lint 4 + 3 of 2 s). C2 needs about 5 s on 2 cores before the figures settle.
#   - node: bench/iam-simulate-throughput.js times runUnsafeSimulation, iam-simulate's fastest public entry point,
#     on the pairs Route53BenchRequests exports, in one process: a 1 s warm-up round, the median of 3 rounds of 1 s.
# Prints one table: ops/s for both and their ratio, then policies/s for lint. About 4 minutes on 2 cores.
# Usage: bench/evaluator.sh        (needs node and npm, as the differential test does)
set -euo pipefail
cd "$(dirname "$0")/.."
work=target/bench
mkdir -p "$work"

bash src/test/oracle/install.sh >&2
mvn -q -B -Pbench test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath"
classpath="target/test-classes:target/classes:$(cat "$work/classpath")"

java -cp "$classpath" dev.policygen.bench.Route53BenchRequests "$work/requests.jsonl"
echo "bench: iam-simulate runUnsafeSimulation ..." >&2
node bench/iam-simulate-throughput.js .ci/cache/oracle "$work/requests.jsonl" 1 > "$work/iam-simulate.jsonl"
echo "bench: JMH ..." >&2
java -cp "$classpath" org.openjdk.jmh.Main 'dev\.policygen\.bench\..*Benchmark' -rf json -rff "$work/jmh.json" \
  > "$work/jmh.log"

python3 - "$work/jmh.json" "$work/iam-simulate.jsonl" <<'PY'
import json, sys
jmh = json.load(open(sys.argv[1]))
node = {r["name"]: r for r in map(json.loads, filter(str.strip, open(sys.argv[2])))}
ours = {}
for result in jmh:
    method = result["benchmark"].rsplit(".", 1)[1]
    metric = result["primaryMetric"]
    ours[(method, result.get("params", {}).get("request"))] = (metric["score"], metric["scoreError"])

print(f"{'request':24} {'decision':14} {'precompiled ops/s':>20} {'compile+evaluate':>18} {'iam-simulate ops/s':>19} {'ratio':>8} {'ratio c+e':>10}")
for name, sim in node.items():
    pre, pre_err = ours[("precompiled", name)]
    both, _ = ours[("compileThenEvaluate", name)]
    agrees = "" if sim["decision"] == sim["expected"] else f" (iam-simulate says {sim['decision']})"
    print(f"{name:24} {sim['expected']:14} {pre:>12,.0f} ± {pre_err:>5,.0f} {both:>18,.0f} {sim['opsPerSecond']:>19,.0f} "
          f"{pre / sim['opsPerSecond']:>7.0f}x {both / sim['opsPerSecond']:>9.1f}x{agrees}")
lint, lint_err = ours[("lintCorpus", None)]
print(f"lint: {lint:,.0f} ± {lint_err:,.0f} policies/s over 10,000 generated and mutated policies")
PY
