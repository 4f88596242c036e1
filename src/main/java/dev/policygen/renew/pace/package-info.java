/**
 * Pacing of AWS requests: a client-side rate limit shared by all certificates of a run (Route 53
 * allows 5 requests per second per account) and retries with backoff and jitter for throttling,
 * PriorRequestNotComplete and server errors.
 *
 * <p>Other loops that try again are not retries of a failure, so they are not here: a conditional write
 * to the shared state that lost to another runner's pauses by {@code renew.state.CollisionBackoff} (a
 * peer's write, short and linear); a Route 53 change refused because a record set changed is read again
 * after a {@link dev.policygen.renew.pace.Backoff} pause ({@code renew.dns.ConditionalChanges}); the ACME
 * side waits as long as the CA's Retry-After says ({@code renew.acme.AcmeRequests}, {@code Polling}) and
 * INSYNC is polled ({@code renew.dns.ChangeWaiter}): those wait for something to change, not for a failure
 * to pass. The SDK's own retries are off under renew (this package retries) and on for validate's Access
 * Analyzer calls ({@code aws.RetryPolicy}), which run outside renew.
 */
package dev.policygen.renew.pace;
