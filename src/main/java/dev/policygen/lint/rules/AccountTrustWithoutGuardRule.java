package dev.policygen.lint.rules;

import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.StatementView;
import dev.policygen.route53.StsNames;
import java.util.List;

/**
 * PG605: an account ({@code arn:aws:iam::ACCOUNT:root} or the bare account id, which mean the same)
 * may assume the role with neither sts:ExternalId nor aws:PrincipalArn checked: the trust delegates
 * to the whole account, so every principal there whose identity policy allows sts:AssumeRole on the
 * role may assume it, and a third party acting for several customers can be made a confused deputy.
 * Reference section 1.1 (cross-account row) and 1.3.
 */
public final class AccountTrustWithoutGuardRule extends TrustRule {
    static final List<String> GUARD_KEYS = List.of(StsNames.KEY_EXTERNAL_ID, StsNames.KEY_PRINCIPAL_ARN);

    public AccountTrustWithoutGuardRule() {
        super("PG605", Severity.WARNING, "An account root is trusted without an sts:ExternalId or aws:PrincipalArn"
                + " condition.");
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        for (StatementView statement : allowing(policy, StsNames.ASSUME_ROLE)) {
            if (TrustConditions.checks(policy, statement, StsNames.ASSUME_ROLE, GUARD_KEYS)) {
                continue;
            }
            TrustPrincipal.of(statement).stream().filter(TrustPrincipal::isAccount).forEach(p ->
                    reporter.report(p.position(), "\"" + p.value() + "\" trusts every principal of the account that"
                            + " is allowed sts:AssumeRole on this role; check aws:PrincipalArn (ArnEquals the calling"
                            + " role's ARN) or sts:ExternalId (StringEquals the id the caller passes)"));
        }
    }
}
