package dev.policygen.lint.rules;

import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.StatementView;
import dev.policygen.route53.StsNames;
import java.util.List;

/**
 * PG601: a web-identity provider (an EKS cluster's issuer, GitHub Actions, any IAM OIDC provider)
 * trusted for sts:AssumeRoleWithWebIdentity without a check of its {@code HOST:sub} claim: every
 * identity the provider issues tokens for (every pod of the cluster, every GitHub workflow anywhere)
 * may assume the role. Reference section 1.1 (IRSA and GitHub rows), 1.2.
 */
public final class OidcTrustWithoutSubjectConditionRule extends TrustRule {
    public OidcTrustWithoutSubjectConditionRule() {
        super("PG601", Severity.ERROR, "An OIDC provider may assume the role without a condition on its :sub claim.");
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        for (StatementView statement : allowing(policy, StsNames.ASSUME_ROLE_WITH_WEB_IDENTITY)) {
            for (TrustPrincipal principal : TrustPrincipal.of(statement)) {
                principal.oidcHost().ifPresent(host -> {
                    String key = host + ":" + StsNames.CLAIM_SUBJECT;
                    if (!TrustConditions.checks(policy, statement, StsNames.ASSUME_ROLE_WITH_WEB_IDENTITY, List.of(key))) {
                        reporter.report(principal.position(), "every identity " + host + " issues tokens for may assume"
                                + " this role: no condition checks " + key + "; add \"StringEquals\": {\"" + key
                                + "\": \"" + example(host) + "\"}");
                    }
                });
            }
        }
    }

    private static String example(String host) {
        return switch (TrustPrincipal.subjectShape(host)) {
            case GITHUB -> "repo:OWNER/REPO:ref:refs/heads/main";
            case EKS -> "system:serviceaccount:NAMESPACE:NAME";
            case OPAQUE -> "SUBJECT";
        };
    }
}
