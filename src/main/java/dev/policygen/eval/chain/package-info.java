/**
 * Owns evaluation of one request under every policy type a principal lives under, following AWS's
 * policy evaluation logic: identity policies together with permissions boundaries, service control
 * policies, resource control policies and session policies; and the AssumeRole chain, with a role's
 * trust policy as the resource-based policy of sts:AssumeRole*, sts:TagSession for session tags, and
 * IAM, service-principal and web-identity callers. Each type is evaluated by
 * {@link dev.policygen.eval.PolicyEvaluator} on its own, so each says which statement decided; this
 * package only combines the per-type decisions (see docs/design/simulate-chain.md).
 */
package dev.policygen.eval.chain;
