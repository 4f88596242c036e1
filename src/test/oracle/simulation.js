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

module.exports = { ACCOUNT, DECISIONS, loadSimulator, simulationFor };
