/**
 * The renew config in either schema (policygen's own, or letsencrypt-aws's
 * {@code LETSENCRYPT_AWS_CONFIG} unchanged) read into one model: account key location, ACME
 * directory, state directory, and per certificate its names, zones, key type, renewal window and
 * destinations, and where outcomes are sent ({@code notify}). Every error names file, line and column.
 * Plain data and checks only: depends on {@code json}, {@code yaml}, {@code route53}, the root package and
 * {@code renew.notify}'s target values (one parse for --notify and the config), never on the renewer.
 */
package dev.policygen.renew.config;
