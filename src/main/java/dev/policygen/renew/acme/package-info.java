/**
 * One ACME account at one CA, as the renewer uses it: ordering a certificate with DNS-01 and a new
 * key, polling on an injected clock, choosing the preferred chain, and reading renewal information
 * (ARI, RFC 9773), and resuming an order another process created ({@link OrderLedger} says where the
 * order URL is kept, {@link OrderResume} what each status allows). Where challenge values are published is behind {@link ChallengePublisher}, so this
 * package knows nothing of Route 53 calls. Depends on {@code renew.account}, {@code renew.config},
 * {@code renew.pace}, {@code route53} and the root package; acme4j stays inside it and
 * {@code renew.account}.
 */
package dev.policygen.renew.acme;
