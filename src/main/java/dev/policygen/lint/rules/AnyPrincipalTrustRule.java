package dev.policygen.lint.rules;

import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.StatementView;
import dev.policygen.route53.StsNames;
import java.util.List;
import java.util.Optional;

/**
 * PG604: {@code "Principal": "*"} or {@code {"AWS": "*"}} in an Allow, with no condition that narrows
 * who the caller is: any principal of any AWS account may assume the role. AWS strongly advises
 * against {@code "*"} in role trust policies (reference section 1.3). Narrowing keys are those that
 * name the caller or its organisation ({@link #NARROWING_KEYS}); sts:ExternalId alone is not one, as an
 * external id is not a secret, and neither is a network key, which says from where, not who.
 */
public final class AnyPrincipalTrustRule extends TrustRule {
    static final List<String> NARROWING_KEYS = List.of(StsNames.KEY_PRINCIPAL_ARN, StsNames.KEY_PRINCIPAL_ACCOUNT,
            StsNames.KEY_PRINCIPAL_ORG_ID, StsNames.KEY_PRINCIPAL_ORG_PATHS, StsNames.KEY_SOURCE_ACCOUNT,
            StsNames.KEY_SOURCE_ARN, StsNames.KEY_SOURCE_ORG_ID, StsNames.KEY_SOURCE_ORG_PATHS);

    public AnyPrincipalTrustRule() {
        super("PG604", Severity.ERROR, "Any principal (\"*\") may assume the role, with no condition narrowing who.");
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        for (StatementView statement : policy.statements()) {
            if (!statement.isAllow()) {
                continue;
            }
            Optional<String> open = StsNames.ASSUME_ROLE_ACTIONS.stream().filter(a -> statement.covers(a)
                    && !TrustConditions.checks(policy, statement, a, NARROWING_KEYS)
                    && !webIdentitySubjectChecked(statement, a)).findFirst();
            open.ifPresent(action -> TrustPrincipal.of(statement).stream().filter(TrustPrincipal::isAnyone)
                    .forEach(p -> reporter.report(p.position(), "any principal of any AWS account may call " + action
                            + " on this role; name the principal, or narrow it with aws:PrincipalArn,"
                            + " aws:PrincipalAccount or aws:PrincipalOrgID")));
        }
    }

    /** A web-identity grant to "*" that checks some provider's :sub claim names who, as PG601 asks. */
    private static boolean webIdentitySubjectChecked(StatementView statement, String action) {
        return action.equals(StsNames.ASSUME_ROLE_WITH_WEB_IDENTITY) && statement.conditions().stream()
                .anyMatch(c -> c.key().endsWith(":" + StsNames.CLAIM_SUBJECT) && TrustConditions.guaranteesInAllow(c));
    }
}
