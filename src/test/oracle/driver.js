// Differential-test driver: reads one JSON object per line on stdin,
//   {"id": 1, "policies": [<policy>...], "action": "...", "resource": "...", "context": {"key": "v" | ["v", ...]}}
// evaluates it with @cloud-copilot/iam-simulate (identity policies only, same-account principal,
// no SCPs or RCPs, strict mode) and writes one line per request:
//   {"id": 1, "decision": "allowed" | "explicit-deny" | "implicit-deny"}  or  {"id": 1, "error": "..."}
// Usage: node driver.js ORACLE_DIR   (the directory install.sh filled)
'use strict';
const path = require('path');
const readline = require('readline');

const oracleDir = process.argv[2];
if (!oracleDir) {
  process.stderr.write('usage: node driver.js ORACLE_DIR\n');
  process.exit(2);
}
const simulator = require(require.resolve('@cloud-copilot/iam-simulate', { paths: [path.resolve(oracleDir)] }));

const DECISIONS = {
  Allowed: 'allowed',
  ExplicitlyDenied: 'explicit-deny',
  ImplicitlyDenied: 'implicit-deny'
};
const ACCOUNT = '123456789012';

function evaluate(pair) {
  const simulation = {
    request: {
      principal: `arn:aws:iam::${ACCOUNT}:user/alice`,
      action: pair.action,
      resource: { resource: pair.resource, accountId: ACCOUNT },
      contextVariables: pair.context
    },
    identityPolicies: pair.policies.map((policy, i) => ({ name: `policy-${i}`, policy })),
    serviceControlPolicies: [],
    resourceControlPolicies: []
  };
  const result = simulator.runUnsafeSimulation(simulation, {});
  const decision = DECISIONS[result];
  if (!decision) {
    throw new Error(`unexpected result ${JSON.stringify(result)}`);
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

const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on('line', (line) => {
  if (line.trim() === '') {
    return;
  }
  let id = null;
  try {
    const pair = JSON.parse(line);
    id = pair.id;
    pending.push(JSON.stringify({ id, decision: evaluate(pair) }) + '\n');
  } catch (e) {
    pending.push(JSON.stringify({ id, error: String((e && e.message) || e) }) + '\n');
  }
  if (pending.length >= 256) {
    flush();
  }
});
lines.on('close', flush);
