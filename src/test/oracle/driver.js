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
const { answerLines, oracleDirArgument } = require('./answer-lines.js');
const { decisionOf, loadSimulator, runSingle, simulationFor } = require('./simulation.js');

const simulator = loadSimulator(oracleDirArgument('driver.js'));

answerLines(async (pair) => ({ decision: decisionOf((await runSingle(simulator, simulationFor(pair))).overallResult) }));
