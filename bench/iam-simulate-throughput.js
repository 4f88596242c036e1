// Times @cloud-copilot/iam-simulate (AGPL, installed for tests and benchmarks only by
// src/test/oracle/install.sh, run here as its own node process) on the requests bench/evaluator.sh
// exported. Its fastest public entry point is runUnsafeSimulation: synchronous, no input validation.
// It takes policies as parsed JSON objects and loads them on every call; the API has no way to keep
// a loaded policy, so that is part of what one evaluation costs.
//
// Usage: node bench/iam-simulate-throughput.js ORACLE_DIR REQUESTS.jsonl [SECONDS_PER_ROUND]
// Prints one JSON line per request: {"name", "expected", "decision", "opsPerSecond"}; opsPerSecond is the
// median of 3 rounds, after a warm-up round, each round SECONDS_PER_ROUND long (default 2).
'use strict';
const fs = require('fs');

const [oracleDir, requestsFile, secondsArg] = process.argv.slice(2);
if (!oracleDir || !requestsFile) {
  process.stderr.write('usage: node iam-simulate-throughput.js ORACLE_DIR REQUESTS.jsonl [SECONDS_PER_ROUND]\n');
  process.exit(2);
}
const { DECISIONS, loadSimulator, simulationFor } = require('../src/test/oracle/simulation.js');
const simulator = loadSimulator(oracleDir);
const roundNanos = BigInt(Math.round(Number(secondsArg || 2) * 1e9));

// Evaluations per second over one round; calls are counted in batches so the clock is read rarely.
function round(sim) {
  let calls = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  while (elapsed < roundNanos) {
    for (let i = 0; i < 100; i++) {
      simulator.runUnsafeSimulation(sim, {});
    }
    calls += 100;
    elapsed = process.hrtime.bigint() - start;
  }
  return calls / (Number(elapsed) / 1e9);
}

for (const line of fs.readFileSync(requestsFile, 'utf8').split('\n')) {
  if (line.trim() === '') {
    continue;
  }
  const { name, expected, pair } = JSON.parse(line);
  const sim = simulationFor(pair);
  const decision = DECISIONS[simulator.runUnsafeSimulation(sim, {})];
  round(sim); // warm-up: lets V8 optimize the hot paths before measuring
  const rounds = [round(sim), round(sim), round(sim)].sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({ name, expected, decision, opsPerSecond: rounds[1] }) + '\n');
}
