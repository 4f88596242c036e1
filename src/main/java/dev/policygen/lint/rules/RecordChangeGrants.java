package dev.policygen.lint.rules;

import dev.policygen.SourcePosition;
import dev.policygen.lint.ConditionView;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.StatementView;
import dev.policygen.route53.Route53Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The Allow statements that grant ChangeResourceRecordSets, shared by the PG2xx rules. */
final class RecordChangeGrants {
    private RecordChangeGrants() {
    }

    /** A statement granting the action, and where: the matching Action value or the NotAction key. */
    record Grant(StatementView statement, SourcePosition at) {
        /** True when a restricting (not negated, not Null) condition on {@code key} is present. */
        boolean restricts(String key) {
            return statement.conditionsOn(key).stream().anyMatch(ConditionView::positive);
        }
    }

    static List<Grant> in(LintedPolicy policy) {
        List<Grant> grants = new ArrayList<>();
        for (StatementView statement : policy.statements()) {
            if (statement.isAllow()) {
                Optional<SourcePosition> at = statement.actionCovering(Route53Names.CHANGE_RECORD_SETS);
                at.ifPresent(position -> grants.add(new Grant(statement, position)));
            }
        }
        return grants;
    }
}
