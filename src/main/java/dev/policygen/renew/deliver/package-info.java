/**
 * The local pieces of delivery the destination kinds ({@code renew.destination}) share: PEM text,
 * the {@code files} layout written atomically, the ACM ARNs renew imported as new, and the failure
 * of a local read or write.
 */
package dev.policygen.renew.deliver;
