/**
 * {@code policygen deliver}: a certificate issued by another client (certbot, lego, cert-manager)
 * put into the destinations renew has, as a deploy hook. It owns reading and checking the
 * certificate files ({@code CertificateFiles}), the run ({@code Deliverer}: the destinations parsed
 * by the renew config's own parser, the generated deliver-only policy, every request through the
 * guard, the same order and --delete-old rule as renew) and the dry run that sends nothing
 * ({@code DryRunServices}). What a destination does is {@code renew.destination}'s; this package
 * only drives it. It depends on {@code renew} and its subpackages, never the reverse.
 */
package dev.policygen.deliver;
