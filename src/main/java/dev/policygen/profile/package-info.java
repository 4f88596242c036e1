/**
 * Client profiles as data: what each ACME client calls on AWS to pass DNS-01 and how it assumes a role
 * in another account ({@link dev.policygen.profile.AssumeRoleSetting} words that for cross-account zones), read from
 * {@code policies/<client>.json} with a source for every fact, compiled at build time (with the index
 * of files and aliases) into the form generate decodes at start-up ({@link ProfileCodec}), and
 * rendered as docs/clients.md. The JSON files stay the only source of these facts; no class states a
 * client's behaviour itself. Depends on the root package, {@code json} and {@code route53} only, and is
 * on generate's cold path, so it must not load anything generate does not need.
 */
package dev.policygen.profile;
