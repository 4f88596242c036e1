/**
 * What the renewer keeps between runs: the journal of TXT values it created (so a crashed run's
 * values are removed by the next one), in a locked local directory or in an S3 prefix shared by
 * several runners, where it also owns the lease per certificate that lets exactly one runner renew it
 * ({@link dev.policygen.renew.state.Leases}) and the conditional read-change-write of shared objects
 * ({@link dev.policygen.renew.state.ConditionalUpdate}); docs/design/s3-state.md. Its file writes are
 * {@code dev.policygen.io}'s atomic, mode-exact ones; its S3 writes are always conditional.
 */
package dev.policygen.renew.state;
