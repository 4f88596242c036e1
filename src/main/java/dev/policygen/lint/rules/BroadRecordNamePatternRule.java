package dev.policygen.lint.rules;

import dev.policygen.eval.Glob;
import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.ConditionView;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.PolicyKind;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.StatementView;
import dev.policygen.model.OperatorName;
import dev.policygen.model.PolicyValue;
import dev.policygen.route53.Route53Names;
import java.util.Set;

/**
 * PG209: an IAM {@code *} matches dots, digits and backslashes, so a StringLike name pattern covers
 * challenge names at any depth (and the escaped wildcard name \052): whoever holds the credential
 * can validate certificates for names it was never meant to. ACME needs only a fixed list of names.
 */
public final class BroadRecordNamePatternRule extends AbstractRule {
    public BroadRecordNamePatternRule() {
        super("PG209", Severity.WARNING, "A StringLike record-name pattern matches more than the challenge names.");
    }

    /** Route 53 grants are what identity policies are about; a trust policy grants none. */
    @Override
    public Set<PolicyKind> kinds() {
        return Set.of(PolicyKind.IDENTITY);
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        for (StatementView statement : policy.statements()) {
            if (!statement.isAllow()) {
                continue;
            }
            for (ConditionView condition : statement.conditionsOn(Route53Names.KEY_NAMES)) {
                if (!condition.base(OperatorName.STRING_LIKE)) {
                    continue;
                }
                for (PolicyValue value : condition.values()) {
                    if (Glob.hasWildcard(value.text())) {
                        reporter.report(value.position(), "record-name pattern \"" + value.text() + "\" "
                                + breadth(value.text()) + "; list the exact _acme-challenge names under"
                                + " ForAllValues:StringEquals");
                    }
                }
            }
        }
    }

    private static String breadth(String pattern) {
        if (pattern.chars().allMatch(c -> c == '*' || c == '?')) {
            return "matches every record name in the zone";
        }
        if (!pattern.startsWith(Route53Names.CHALLENGE_PREFIX)) {
            return "matches names that are not _acme-challenge records";
        }
        return "is broader than needed: it matches the challenge name of every name it covers, at any depth"
                + " (e.g. _acme-challenge.mail.example.com lets the holder validate mail.example.com)";
    }
}
