package dev.policygen.eval.chain;

import dev.policygen.route53.Arn;
import dev.policygen.route53.StsNames;
import java.util.List;
import java.util.Optional;

/**
 * Who calls {@code sts:AssumeRole*}: an IAM principal ARN (a user or role; its account decides same-
 * versus cross-account, and its own policies must allow unless the trust policy names it in the same
 * account), or a web identity (an OIDC provider ARN, whose {@code HOST:sub}/{@code HOST:aud} claims
 * the request context carries; it has no policies of its own).
 */
public record Caller(String arn, boolean webIdentity, LayeredPolicies policies) {

    /** The account of an IAM ARN, empty for a service principal. */
    public Optional<String> account() {
        return accountOf(arn);
    }

    /** The account an ARN names (a caller's, or the role's it assumes); empty when it names none. */
    static Optional<String> accountOf(String arn) {
        Arn parsed = Arn.parse(arn);
        return parsed == null || parsed.account().isEmpty() ? Optional.empty() : Optional.of(parsed.account());
    }

    /** The identifiers a trust policy's Principal may name for this caller. */
    public List<String> identifiers() {
        return webIdentity ? List.of(arn) : TrustPolicyCompiler.identifiers(arn);
    }

    /** The OIDC host an {@code oidc-provider/HOST} ARN names, for the {@code HOST:sub} keys. */
    public Optional<String> oidcHost() {
        return StsNames.oidcProviderHost(arn);
    }
}
