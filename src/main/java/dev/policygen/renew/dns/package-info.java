/**
 * DNS-01 over Route 53 for the renewer: finding each name's zone (from the config or discovered
 * before the run), reading the challenge TXT sets, publishing every value of an order in one
 * conditional change per zone and removing them again (never UPSERT; docs/design/renew-design.md §4),
 * journalling values before they are sent, and waiting for INSYNC. Every request goes through
 * {@code renew.guard}'s guarded calls; this package never reaches the AWS services directly.
 */
package dev.policygen.renew.dns;
