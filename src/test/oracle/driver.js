// Differential-test driver: reads one JSON object per line on stdin,
//   {"id": 1, "policies": [<policy>...], "action": "...", "resource": "...", "context": {"key": "v" | ["v", ...]}}
// evaluates it with @cloud-copilot/iam-simulate's validating entry point runSimulation (identity
// policies only, same-account principal, no SCPs or RCPs) and writes one line per request:
//   {"id": 1, "decision": "allowed" | "explicit-deny" | "implicit-deny"}  or  {"id": 1, "error": "..."}
// Usage: node driver.js ORACLE_DIR   (the directory install.sh filled)
//
// runSimulation rather than runUnsafeSimulation: only the validating path knows which actions have
// no resource type (so that "*" is the only Resource granting them) and which context keys an
// action carries, as AWS does. It ignores keys it does not know, so the generator uses real keys.
'use strict';
const readline = require('readline');

const oracleDir = process.argv[2];
if (!oracleDir) {
  process.stderr.write('usage: node driver.js ORACLE_DIR\n');
  process.exit(2);
}
const { DECISIONS, loadSimulator, simulationFor } = require('./simulation.js');
const simulator = loadSimulator(oracleDir);


async function evaluate(pair) {
  const simulation = simulationFor(pair);
  const result = await simulator.runSimulation(simulation, {});
  if (result.resultType !== 'single') {
    throw new Error(`simulation ${result.resultType}: ${JSON.stringify(result.errors || result)}`);
  }
  const decision = DECISIONS[result.overallResult];
  if (!decision) {
    throw new Error(`unexpected result ${JSON.stringify(result.overallResult)}`);
  }
  return decision;
}

// Output is written in blocks of 256 lines and at end of input: one write per line would dominate
// the run time. The caller therefore writes from one thread and reads from another.
let pending = [];
function flush() {
  if (pending.length > 0) {
    process.stdout.write(pending.join(''));
    pending = [];
  }
}

async function main() {
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  // for-await handles one line at a time, so answers keep the order of the requests
  for await (const line of lines) {
    if (line.trim() === '') {
      continue;
    }
    let id = null;
    try {
      const pair = JSON.parse(line);
      id = pair.id;
      pending.push(JSON.stringify({ id, decision: await evaluate(pair) }) + '\n');
    } catch (e) {
      pending.push(JSON.stringify({ id, error: String((e && e.message) || e) }) + '\n');
    }
    if (pending.length >= 256) {
      flush();
    }
  }
  flush();
}

main();
