package dev.policygen.lint.rules;

import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.ConditionView;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.PolicyKind;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Route53Facts;
import dev.policygen.lint.Severity;
import dev.policygen.lint.StatementView;
import dev.policygen.model.PolicyValue;
import dev.policygen.route53.Route53Names;
import java.util.Optional;
import java.util.Set;

/**
 * PG208: only ChangeResourceRecordSets carries the record keys. For any other action in the same
 * statement the key is missing, ForAllValues is vacuously true, and the action is allowed without
 * restriction (Access Analyzer: UNSUPPORTED_ACTION_FOR_CONDITION_KEY).
 */
public final class ConditionKeyIgnoredByActionRule extends AbstractRule {
    public ConditionKeyIgnoredByActionRule() {
        super("PG208", Severity.ERROR, "Record-key conditions share a statement with actions that ignore them.");
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
            Optional<ConditionView> vacuous = statement.conditions().stream()
                    .filter(c -> Route53Facts.isRecordKey(c.key()) && c.trueWhenKeyMissing()).findFirst();
            if (vacuous.isEmpty()) {
                continue;
            }
            String key = Route53Facts.canonicalKey(vacuous.get().key());
            for (PolicyValue action : statement.strings("Action")) {
                if (!action.text().equalsIgnoreCase(Route53Names.CHANGE_RECORD_SETS)) {
                    reporter.report(action.position(), action.text() + " does not carry " + key + ", so "
                            + vacuous.get().operatorText() + " is true for it and it is allowed unrestricted;"
                            + " put ChangeResourceRecordSets alone in its conditioned statement");
                }
            }
            statement.member("NotAction").ifPresent(m -> reporter.report(m.keyPosition(), "NotAction grants actions"
                    + " that do not carry " + key + ", so they are allowed unrestricted; list"
                    + " ChangeResourceRecordSets alone under Action"));
        }
    }
}
