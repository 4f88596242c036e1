/**
 * Pacing of AWS requests: a client-side rate limit shared by all certificates of a run (Route 53
 * allows 5 requests per second per account) and retries with backoff and jitter for throttling,
 * PriorRequestNotComplete and server errors.
 */
package dev.policygen.renew.pace;
