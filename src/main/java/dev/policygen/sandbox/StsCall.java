package dev.policygen.sandbox;

import dev.policygen.eval.CompiledPolicy;
import dev.policygen.eval.ContextValue;
import dev.policygen.route53.StsNames;
import dev.policygen.sandbox.sts.WebIdentityClaims;
import java.util.List;
import java.util.Optional;

/**
 * One STS call as read from the request: the operation, its IAM action and resource (the role ARN of
 * an assumption, {@code *} otherwise), the checked parameters, and the keys it adds to the request
 * context ({@code sts:ExternalId}, {@code sts:RoleSessionName}, a token's {@code HOST:sub}...).
 *
 * @param accessKeyId the signing key, null for the unsigned AssumeRoleWithWebIdentity
 * @param webIdentityProvider the OIDC provider ARN a web-identity call comes from, else null
 * @param claims the verified token of a web-identity call, else null
 * @param durationSeconds the DurationSeconds asked for, null when not given
 */
record StsCall(String operation, String action, String resource, String accessKeyId, String sessionName,
        Integer durationSeconds, Optional<CompiledPolicy> sessionPolicy, List<ContextValue> context,
        String webIdentityProvider, WebIdentityClaims claims) implements EmulatedService.Call {

    StsCall {
        context = List.copyOf(context);
    }

    static StsCall getCallerIdentity(String accessKeyId) {
        return new StsCall("GetCallerIdentity", "sts:GetCallerIdentity", "*", accessKeyId, null, null, Optional.empty(),
                List.of(), null, null);
    }

    /** AssumeRole or AssumeRoleWithWebIdentity: authorized as hop 1 of the chain. */
    boolean assumption() {
        return action.equals(StsNames.ASSUME_ROLE) || action.equals(StsNames.ASSUME_ROLE_WITH_WEB_IDENTITY);
    }

    boolean webIdentity() {
        return webIdentityProvider != null;
    }

    /** GetCallerIdentity needs no permission and works even under an explicit deny (reference 3.2). */
    @Override
    public boolean needsAuthorization() {
        return assumption();
    }
}
