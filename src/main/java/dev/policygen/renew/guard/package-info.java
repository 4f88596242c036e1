/**
 * The policy guard: every AWS request of the renewer is described as IAM will see it (action,
 * resource ARN, record changes) and evaluated against the run's policy before it is sent; a denied
 * request is never sent. {@link CallGate} is the only way a request goes out (guard, Route 53 rate
 * limit, retries), and {@link GuardedAws} the only view of AWS the renewer holds. {@link RenewPolicy}
 * makes the default policy with generate, from the {@code policygen} profile (the call table of
 * docs/design/renew-design.md §2). {@link ChangeGroups} reads the policy's name groups (the names one
 * statement allows together), which the renewer's change batches never mix (docs/design/name-groups.md).
 * Depends on {@code eval}, {@code generate}, {@code profile},
 * {@code model}, {@code renew.cloud}, {@code renew.config}, {@code renew.pace}, {@code route53} and the
 * root package.
 */
package dev.policygen.renew.guard;
