package dev.policygen.eval.chain;

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
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && !parts[4].isEmpty() ? Optional.of(parts[4]) : Optional.empty();
    }

    /** The identifiers a trust policy's Principal may name for this caller. */
    public List<String> identifiers() {
        return webIdentity ? List.of(arn) : TrustPolicy.identifiers(arn);
    }

    /** The OIDC host an {@code oidc-provider/HOST} ARN names, for the {@code HOST:sub} keys. */
    public Optional<String> oidcHost() {
        int at = arn.indexOf(":oidc-provider/");
        return at < 0 ? Optional.empty() : Optional.of(arn.substring(at + ":oidc-provider/".length()));
    }
}
