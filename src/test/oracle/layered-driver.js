// Differential-test driver for the policy types around identity policies (issue 11): like driver.js,
// one JSON object per line on stdin,
//   {"id": 1, "policies": [...], "boundary": [<policy>] (optional), "scps": [[<policy>...], ...] (one array
//    per organisation level, root first), "action": "...", "resource": "...", "context": {...}}
// and one line out per request: {"id": 1, "decision": ...} or {"id": 1, "error": "..."}.
// Usage: node layered-driver.js ORACLE_DIR
'use strict';
const readline = require('readline');

const oracleDir = process.argv[2];
if (!oracleDir) {
  process.stderr.write('usage: node layered-driver.js ORACLE_DIR\n');
  process.exit(2);
}
const { DECISIONS, loadSimulator, simulationFor } = require('./simulation.js');
const simulator = loadSimulator(oracleDir);

function layeredSimulation(pair) {
  const simulation = simulationFor(pair);
  if (pair.boundary) {
    simulation.permissionBoundaryPolicies = pair.boundary.map((policy, i) => ({ name: `boundary-${i}`, policy }));
  }
  simulation.serviceControlPolicies = (pair.scps || []).map((level, l) => ({
    orgIdentifier: l === 0 ? 'r-root' : `ou-level-${l}`,
    policies: level.map((policy, i) => ({ name: `scp-${l}-${i}`, policy }))
  }));
  return simulation;
}

async function evaluate(pair) {
  const result = await simulator.runSimulation(layeredSimulation(pair), {});
  if (result.resultType !== 'single') {
    throw new Error(`simulation ${result.resultType}: ${JSON.stringify(result.errors || result)}`);
  }
  const decision = DECISIONS[result.overallResult];
  if (!decision) {
    throw new Error(`unexpected result ${JSON.stringify(result.overallResult)}`);
  }
  return decision;
}

let pending = [];
function flush() {
  if (pending.length > 0) {
    process.stdout.write(pending.join(''));
    pending = [];
  }
}

async function main() {
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
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
