/**
 * The renew config in either schema (policygen's own, or letsencrypt-aws's
 * {@code LETSENCRYPT_AWS_CONFIG} unchanged) read into one model: account key location, ACME
 * directory, state directory, and per certificate its names, zones, key type, renewal window and
 * destinations. Every error names file, line and column. Plain data and checks only: depends on
 * {@code json}, {@code yaml}, {@code route53} and the root package, never on the renewer that uses it.
 */
package dev.policygen.renew.config;
