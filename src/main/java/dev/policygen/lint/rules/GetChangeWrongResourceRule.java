package dev.policygen.lint.rules;

import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.PolicyKind;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.StatementView;
import dev.policygen.model.PolicyValue;
import dev.policygen.route53.Route53Names;
import java.util.List;
import java.util.Set;

/**
 * PG304: GetChange is authorized on change ARNs (arn:aws:route53:::change/C...). Scoped to a
 * hosted zone it never matches, and clients that wait for INSYNC fail after writing the record.
 */
public final class GetChangeWrongResourceRule extends AbstractRule {
    private static final List<String> CHANGE_ARNS = List.of("arn:aws:route53:::change/C2682N5HXP0BZ4",
            "arn:aws-cn:route53:::change/C2682N5HXP0BZ4", "arn:aws-us-gov:route53:::change/C2682N5HXP0BZ4");

    public GetChangeWrongResourceRule() {
        super("PG304", Severity.ERROR, "GetChange is scoped to resources that are not change/* ARNs.");
    }

    /** Route 53 grants are what identity policies are about; a trust policy grants none. */
    @Override
    public Set<PolicyKind> kinds() {
        return Set.of(PolicyKind.IDENTITY);
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        for (StatementView statement : policy.statements()) {
            if (!statement.isAllow() || statement.hasUnknownValues("Resource")
                    || CHANGE_ARNS.stream().anyMatch(statement::resourceCovers)) {
                continue;
            }
            for (PolicyValue action : statement.strings("Action")) {
                if (action.text().equalsIgnoreCase(Route53Names.GET_CHANGE)) {
                    reporter.report(action.position(), "route53:GetChange is authorized on"
                            + " arn:aws:route53:::change/<id>, which no Resource here matches; grant it on"
                            + " arn:aws:route53:::change/*");
                }
            }
        }
    }
}
