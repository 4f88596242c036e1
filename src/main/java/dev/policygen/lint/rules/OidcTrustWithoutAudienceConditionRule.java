package dev.policygen.lint.rules;

import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.StatementView;
import dev.policygen.route53.StsNames;
import java.util.List;

/**
 * PG603: a web-identity provider trusted without a check of its {@code HOST:aud} claim, so a token the
 * provider issued for another audience (another cloud, another service) is accepted too. AWS's IRSA
 * and GitHub trust policies check {@code aud = sts.amazonaws.com}. Reference section 1.1, 1.2.
 */
public final class OidcTrustWithoutAudienceConditionRule extends TrustRule {
    public OidcTrustWithoutAudienceConditionRule() {
        super("PG603", Severity.WARNING, "An OIDC provider may assume the role without a condition on its :aud claim.");
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        for (StatementView statement : allowing(policy, StsNames.ASSUME_ROLE_WITH_WEB_IDENTITY)) {
            for (TrustPrincipal principal : TrustPrincipal.of(statement)) {
                principal.oidcHost().ifPresent(host -> {
                    String key = host + ":" + StsNames.CLAIM_AUDIENCE;
                    if (!TrustConditions.checks(policy, statement, StsNames.ASSUME_ROLE_WITH_WEB_IDENTITY, List.of(key))) {
                        reporter.report(principal.position(), "no condition checks " + key + ", so a token issued by " + host
                                + " for any audience is accepted; add \"StringEquals\": {\"" + key
                                + "\": \"" + audience(host) + "\"}");
                    }
                });
            }
        }
    }

    /** IRSA and GitHub's AWS action ask for sts.amazonaws.com; Cognito's audience is the identity pool. */
    private static String audience(String host) {
        return host.equalsIgnoreCase("cognito-identity.amazonaws.com") ? "IDENTITY_POOL_ID" : "sts.amazonaws.com";
    }
}
