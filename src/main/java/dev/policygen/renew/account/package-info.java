/**
 * The ACME account: creating it with acme4j ({@code policygen register}), its key in a mode-0600
 * file or an S3 object that is never overwritten, and the acme4j session that register and renew
 * share. acme4j is used only here and in {@code renew.acme}, and generate never loads either.
 * Depends on {@code renew.config}, {@code renew.cloud} (for S3) and the root package.
 */
package dev.policygen.renew.account;
