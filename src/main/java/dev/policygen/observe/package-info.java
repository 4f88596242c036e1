/**
 * {@code policygen observe -- COMMAND}: the environment that points a child process at the sandbox
 * and nowhere else (docs/design/local-e2e.md §5), the child process itself, the calls it made as read
 * back from the sandbox's call log, and the least-privilege policy derived from exactly those calls in
 * generate's canonical form, one per identity that made them, with the trust an observed role
 * assumption needed. Depends on {@code generate}, {@code model}, {@code identity} (the trust policy
 * model), {@code json}, {@code route53} and the root package; starting the sandbox is left to the CLI, so this package does not depend on
 * {@code sandbox}.
 */
package dev.policygen.observe;
