// What the differential-test driver and the throughput benchmark both send to @cloud-copilot/iam-simulate
// (AGPL; installed for tests and benchmarks only, always run as its own node process): one request by a
// same-account IAM user, evaluated against identity policies only.
'use strict';
const path = require('path');

const ACCOUNT = '123456789012';
const DECISIONS = { Allowed: 'allowed', ExplicitlyDenied: 'explicit-deny', ImplicitlyDenied: 'implicit-deny' };

// Loads iam-simulate from the directory src/test/oracle/install.sh filled.
function loadSimulator(oracleDir) {
  return require(require.resolve('@cloud-copilot/iam-simulate', { paths: [path.resolve(oracleDir)] }));
}

// pair: {policies: [<policy>...], action, resource, context: {key: value | [values]}}
function simulationFor(pair) {
  return {
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
}

// The decision of one overall result, as the drivers answer it; an unknown result is an error.
function decisionOf(overallResult) {
  const decision = DECISIONS[overallResult];
  if (!decision) {
    throw new Error(`unexpected result ${JSON.stringify(overallResult)}`);
  }
  return decision;
}

// Runs one simulation through the validating entry point runSimulation and returns its result, which must be a
// single one.
async function runSingle(simulator, simulation) {
  const result = await simulator.runSimulation(simulation, {});
  if (result.resultType !== 'single') {
    throw new Error(`simulation ${result.resultType}: ${JSON.stringify(result.errors || result)}`);
  }
  return result;
}

module.exports = { ACCOUNT, DECISIONS, decisionOf, loadSimulator, runSingle, simulationFor };
