package dev.policygen.testing;

import dev.policygen.model.ConditionBlock;
import dev.policygen.model.ConditionEntry;
import dev.policygen.model.Statement;
import dev.policygen.route53.Route53Names;
import java.util.ArrayList;
import java.util.List;

/**
 * The name groups of a policy as its text states them: each record-name condition's list, statement by
 * statement. The name-group tests compare these with what generate split and what renew batched, so they read
 * the statements directly rather than through the renewer's own ChangeGroups.
 */
public final class RecordNameGroups {
    private RecordNameGroups() {
    }

    /** Each statement's record-name list (route53:ChangeResourceRecordSetsNormalizedRecordNames), in order. */
    public static List<List<String>> of(List<Statement> statements) {
        List<List<String>> groups = new ArrayList<>();
        for (Statement statement : statements) {
            for (ConditionBlock block : statement.conditions()) {
                for (ConditionEntry entry : block.entries()) {
                    if (entry.key().equals(Route53Names.KEY_NAMES)) {
                        groups.add(entry.values().texts());
                    }
                }
            }
        }
        return groups;
    }
}
