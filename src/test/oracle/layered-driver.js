// Differential-test driver for the policy types around identity policies (issue 11): like driver.js,
// one JSON object per line on stdin,
//   {"id": 1, "policies": [...], "boundary": [<policy>] (optional), "scps": [[<policy>...], ...] (one array
//    per organisation level, root first), "action": "...", "resource": "...", "context": {...}}
// and one line out per request: {"id": 1, "decision": ...} or {"id": 1, "error": "..."}.
// Usage: node layered-driver.js ORACLE_DIR
'use strict';
const { answerLines, oracleDirArgument } = require('./answer-lines.js');
const { decisionOf, loadSimulator, runSingle, simulationFor } = require('./simulation.js');

const simulator = loadSimulator(oracleDirArgument('layered-driver.js'));

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

answerLines(async (pair) => ({ decision: decisionOf((await runSingle(simulator, layeredSimulation(pair))).overallResult) }));
