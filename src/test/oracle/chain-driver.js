// Differential-test driver for the AssumeRole chain (issue 11): one JSON object per line on stdin,
//   {"id": 1, "hops": [<hop>, ...]}
// where each hop is one request of the chain, in order:
//   {"principal": "arn:... | service.amazonaws.com", "action": "...", "resource": "...", "resourceAccount": "...",
//    "context": {...}, "identity": [<policy>...], "boundary": [<policy>] (optional), "scps": [[<policy>...], ...],
//    "rcps": [[<policy>...], ...], "session": <policy> (optional), "trust": <policy> (optional, the resource policy),
//    "webIdentity": true (optional)}
// Hops are evaluated in order and evaluation stops after the first one that is not allowed, as the chain does;
// one line out per chain: {"id": 1, "decisions": ["allowed", "implicit-deny"]} or {"id": 1, "error": "..."}.
// Usage: node chain-driver.js ORACLE_DIR
//
// RCPs: policygen reads an RCP level without its Principal element (its policy reader refuses Principal), AWS's
// RCP syntax requires "Principal": "*"; the driver adds it, so both read the same policy.
//
// Web identity: the validating entry point keeps only the context keys iam-data lists for the action, and
// iam-data lists claim keys for a few named issuers only (not token.actions.githubusercontent.com:sub or an
// EKS issuer's HOST:sub / HOST:aud, which AWS documents for every OIDC provider: IAM UG
// reference_policies_iam-condition-keys, "Available keys for OIDC federation"). A web-identity hop is therefore
// validated with runSimulation and, when it reports ignored claim keys, decided by runUnsafeSimulation with the
// same policies (plus AWS's RCPFullAWSAccess per level, which only the validating entry adds). Any other hop
// whose context keys the oracle would ignore is an error, so a generator typo cannot pass silently.
'use strict';
const { answerLines, oracleDirArgument } = require('./answer-lines.js');
const { decisionOf, loadSimulator, runSingle } = require('./simulation.js');

const simulator = loadSimulator(oracleDirArgument('chain-driver.js'));

const RCP_FULL_AWS_ACCESS = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }]
};

function withPrincipalStar(policy) {
  const statements = Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement];
  return { ...policy, Statement: statements.map((s) => ({ ...s, Principal: '*' })) };
}

function simulationFor(hop) {
  const simulation = {
    request: {
      principal: hop.principal,
      action: hop.action,
      resource: { resource: hop.resource, accountId: hop.resourceAccount },
      contextVariables: hop.context || {}
    },
    identityPolicies: (hop.identity || []).map((policy, i) => ({ name: `identity-${i}`, policy })),
    serviceControlPolicies: (hop.scps || []).map((level, l) => ({
      orgIdentifier: l === 0 ? 'r-root' : `ou-level-${l}`,
      policies: level.map((policy, i) => ({ name: `scp-${l}-${i}`, policy }))
    })),
    resourceControlPolicies: (hop.rcps || []).map((level, l) => ({
      orgIdentifier: l === 0 ? 'r-root' : `ou-level-${l}`,
      policies: level.map((policy, i) => ({ name: `rcp-${l}-${i}`, policy: withPrincipalStar(policy) }))
    }))
  };
  if (hop.boundary) {
    simulation.permissionBoundaryPolicies = hop.boundary.map((policy, i) => ({ name: `boundary-${i}`, policy }));
  }
  if (hop.session) {
    simulation.sessionPolicy = hop.session;
  }
  if (hop.trust) {
    simulation.resourcePolicy = hop.trust;
  }
  return simulation;
}

async function evaluate(hop) {
  const simulation = simulationFor(hop);
  const result = await runSingle(simulator, simulation);
  const ignored = result.result.ignoredContextKeys || [];
  let overall = result.overallResult;
  if (ignored.length > 0) {
    if (!hop.webIdentity) {
      throw new Error(`iam-simulate ignores context keys ${JSON.stringify(ignored)} of ${hop.action}`);
    }
    simulation.resourceControlPolicies = simulation.resourceControlPolicies.map((level) => ({
      orgIdentifier: level.orgIdentifier,
      policies: [{ name: 'RCPFullAWSAccess', policy: RCP_FULL_AWS_ACCESS }, ...level.policies]
    }));
    // the unsafe entry loads the resource policy without a name; a validated policy carries its own
    simulation.resourcePolicy = { __validated: true, policyDocument: hop.trust, metadata: { name: 'trust' }, errors: [] };
    overall = simulator.runUnsafeSimulation(simulation, {});
  }
  return decisionOf(overall);
}

async function evaluateChain(chain) {
  const decisions = [];
  for (const hop of chain.hops) {
    const decision = await evaluate(hop);
    decisions.push(decision);
    if (decision !== 'allowed') {
      break;
    }
  }
  return decisions;
}

answerLines(async (chain) => ({ decisions: await evaluateChain(chain) }));
