/**
 * The policy guard: every AWS request of the renewer is described as IAM will see it (action,
 * resource ARN, record changes) and evaluated against the run's policy before it is sent; a denied
 * request is never sent. {@link CallGate} is the only way a request goes out (guard, Route 53 rate
 * limit, retries), and also judges the zone role sessions' renewals the SDK sends on its own
 * ({@link CallGate#roleSessions}); {@link GuardedAws} is the only view of AWS the renewer holds.
 * {@link WorkloadRuntime} is renew --runtime, named in the generate lines of zones in other accounts. {@link RenewPolicy}
 * makes the default policy with generate, from the {@code policygen} profile (the call table of
 * docs/design/renew-design.md §2). {@link ChangeGroups} reads the policy's name groups (the names one
 * statement allows together), which the renewer's change batches never mix (docs/design/name-groups.md).
 * Depends on {@code eval}, {@code generate}, {@code identity}, {@code profile},
 * {@code model}, {@code renew.cloud}, {@code renew.config}, {@code renew.pace}, {@code route53} and the
 * root package.
 */
package dev.policygen.renew.guard;
