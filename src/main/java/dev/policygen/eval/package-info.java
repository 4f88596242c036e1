/**
 * policygen's own IAM evaluator for identity policies: a policy is compiled once
 * ({@link CompiledPolicy}), then requests (action, resource, context) are decided as AWS does
 * (explicit deny, allow, implicit deny) with an explanation per statement. {@link ChangeBatch} shapes a
 * Route 53 change batch the way IAM sees it (docs/design/iam-semantics.md §8.3); {@link NameGroups} which
 * statement allows each challenge name alone (the name groups renew batches by and lint reads back). simulate, lint's
 * profile diff, the sandbox and renew's guard all use it. Depends on {@code model}, {@code json},
 * {@code route53} and the root package; its condition operators live in {@code eval.condition}, the
 * one cycle the architecture test allows (an SPI split).
 */
package dev.policygen.eval;
