package dev.policygen.lint.rules;

import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.StatementView;
import dev.policygen.route53.StsNames;
import java.util.List;

/**
 * PG608: a statement allows an sts:AssumeRole* action that its principal cannot call: a web-identity
 * provider only calls sts:AssumeRoleWithWebIdentity and a SAML provider sts:AssumeRoleWithSAML, while
 * an AWS or service principal only calls sts:AssumeRole. A Federated principal allowed only
 * sts:AssumeRole (or an account or service allowed only the web-identity action) can never assume the
 * role through that statement. Reference section 1.1 (the Action column).
 */
public final class PrincipalCannotUseActionRule extends TrustRule {
    public PrincipalCannotUseActionRule() {
        super("PG608", Severity.ERROR, "A principal is allowed only an sts:AssumeRole* action it cannot call.");
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        for (StatementView statement : policy.statements()) {
            List<String> allowed = StsNames.ASSUME_ROLE_ACTIONS.stream().filter(statement::covers).toList();
            if (!statement.isAllow() || allowed.isEmpty() || statement.hasUnknownValues("Action")) {
                continue;
            }
            for (TrustPrincipal principal : TrustPrincipal.of(statement)) {
                String needed = needed(principal);
                if (needed != null && !allowed.contains(needed)) {
                    reporter.report(principal.position(), principal.type() + " principal \"" + principal.value()
                            + "\" can only call " + needed + ", which this statement does not allow (it allows "
                            + String.join(", ", allowed) + "), so it can never assume the role; allow " + needed);
                }
            }
        }
    }

    /** The one action a principal assumes roles with, or null when any may be (anyone, canonical users). */
    private static String needed(TrustPrincipal principal) {
        if (principal.isFederated()) {
            return principal.isSamlProvider() ? StsNames.ASSUME_ROLE_WITH_SAML : StsNames.ASSUME_ROLE_WITH_WEB_IDENTITY;
        }
        boolean account = principal.type().equals(TrustPrincipal.AWS) && !principal.isAnyone();
        if (account || principal.type().equals(TrustPrincipal.SERVICE)) {
            return StsNames.ASSUME_ROLE;
        }
        return null;
    }
}
