/**
 * Renewal: the one entry point of {@code policygen renew} and {@code policygen cleanup}, and one
 * certificate's renewal. The commands build a {@link dev.policygen.renew.RenewRequest} from their
 * options and call {@link dev.policygen.renew.RenewLoop} or {@link dev.policygen.renew.Cleanup}; the
 * subpackages hold the parts (config, ACME, Route 53 challenges, the policy guard, delivery, pacing,
 * state, reports). Depends on no {@code cli} class and no SDK type: AWS comes in through
 * {@link dev.policygen.renew.AwsConnector}.
 *
 * <p>The names, from the outside in:
 * <ul>
 * <li>{@code RenewRequest}: what was asked, as plain values, and the defaults of what was left out
 *     (the config from the file or letsencrypt-aws's variable, the XDG state directory, the account of
 *     the config's ARNs, Route 53's rate window).
 * <li>{@code PolicyFiles}: the --policy files of renew, cleanup and deliver, read as one identity's policy.
 * <li>{@code RenewLoop}: one pass, or passes at an interval with jitter until {@code stop()} (SIGTERM).
 * <li>{@code Cleanup}: removing the TXT values an interrupted pass left, alone or at the start of a pass.
 * <li>{@code PassResources}: what a pass or a clean-up opens, each built once and closed in reverse: the
 *     log, the locked journal, the AWS services and the guarded calls under the pass's policy.
 * <li>{@code EarlyAcmeLogin}: the ACME login, started before the resources so the two overlap.
 * <li>{@code RenewPass}: one pass over the certificates, several at once, each failing alone.
 * <li>{@code PassOptions}: the switches of a pass (force, delete old, dry run, chain, concurrency).
 * <li>{@code PassParts}: what every certificate of a pass shares.
 * <li>{@code CertificateRenewal}, {@code RenewDecision}, {@code CertificateResult}: one certificate,
 *     whether it is due, and how it ended.
 * </ul>
 */
package dev.policygen.renew;
