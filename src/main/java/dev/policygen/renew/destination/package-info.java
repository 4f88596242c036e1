/**
 * Where renewed certificates go: one class per destination kind, each holding all that kind does.
 * A {@link dev.policygen.renew.destination.DestinationKind} reads what is in service, checks its
 * delivery with the guard up front, delivers, describes itself in messages, names the ARN the config
 * gives it (the run's account is taken from it) and adds its generate options to the renew policy
 * ({@link dev.policygen.renew.destination.PolicyGrants}). {@link dev.policygen.renew.destination.ServiceReader}
 * and {@link dev.policygen.renew.destination.Delivery} run those steps over a certificate's
 * destinations and keep what spans several of them (deleting a replaced IAM certificate once, after
 * every destination has the new one).
 *
 * <p>The kinds are {@link dev.policygen.renew.destination.PemFilesDestination} (PEM files),
 * {@link dev.policygen.renew.destination.IamServerCertificateDestination} (an IAM server certificate,
 * optionally on a classic ELB listener), {@link dev.policygen.renew.destination.Elbv2ListenerDestination}
 * and {@link dev.policygen.renew.destination.AcmDestination}. Their AWS requests go through
 * {@link dev.policygen.renew.destination.DestinationAws}, which the guard implements: the guard's
 * policy is made from the destinations' grants, so the guard depends on this package, never the
 * reverse.
 *
 * <p>Adding a destination kind:
 * <ol>
 * <li>{@code renew/config/Destination.java}: a record with what the config gives, and its parsing in
 *     {@code renew/config/OwnSchema.java} (the config's README section documents the key);</li>
 * <li>{@code renew/destination/<Kind>Destination.java}: the class implementing {@code DestinationKind};</li>
 * <li>{@code renew/destination/DestinationKinds.java}: one line mapping the record to the class;</li>
 * <li>when it needs requests none of the existing generate options grants: the option in generate
 *     (profile and {@code GenerateRequest}), its entry in {@code renew/destination/GenerateFlag.java}
 *     at its place in the printed line, and, for a new AWS request, a method on
 *     {@code DestinationAws} (and in {@code renew/guard/GuardedAws.java}, describing it to the guard)
 *     and on the port in {@code renew/cloud} with its SDK adapter in {@code dev.policygen.aws};</li>
 * <li>{@code src/test/java/dev/policygen/renew/destination/<Kind>DestinationTest.java}, on
 *     {@code DeliveryBed}, and a case in the end-to-end renew tests against the sandbox.</li>
 * </ol>
 */
package dev.policygen.renew.destination;
