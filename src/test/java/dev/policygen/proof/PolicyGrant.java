package dev.policygen.proof;

import dev.policygen.generate.PolicyGenerator;
import dev.policygen.model.ConditionBlock;
import dev.policygen.model.ConditionEntry;
import dev.policygen.model.PolicyDocument;
import dev.policygen.model.Statement;
import dev.policygen.model.ValueList;
import dev.policygen.route53.Route53Names;
import java.util.ArrayList;
import java.util.List;

/**
 * One thing a generated policy grants that could be taken away on its own: an action of a
 * statement, a record name in its NormalizedRecordNames condition, or a change action in its
 * Actions condition. The minimality proof removes each in turn and expects the client to be denied
 * exactly that.
 */
record PolicyGrant(Kind kind, int statementIndex, String value) {

    enum Kind {
        ACTION("action"),
        RECORD_NAME("record name"),
        CHANGE_ACTION("change action");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** Every single grant of the policy's Allow statements, in statement order. */
    static List<PolicyGrant> all(PolicyDocument policy) {
        List<PolicyGrant> grants = new ArrayList<>();
        for (int i = 0; i < policy.statements().size(); i++) {
            Statement statement = policy.statements().get(i);
            for (String action : statement.actions().texts()) {
                grants.add(new PolicyGrant(Kind.ACTION, i, action));
            }
            for (ConditionBlock block : statement.conditions()) {
                for (ConditionEntry entry : block.entries()) {
                    Kind kind = switch (entry.key()) {
                        case Route53Names.KEY_NAMES -> Kind.RECORD_NAME;
                        case Route53Names.KEY_ACTIONS -> Kind.CHANGE_ACTION;
                        default -> null;
                    };
                    if (kind != null) {
                        for (String value : entry.values().texts()) {
                            grants.add(new PolicyGrant(kind, i, value));
                        }
                    }
                }
            }
        }
        return grants;
    }

    /** The policy with just this grant gone; a statement left with no action goes too. */
    PolicyDocument removeFrom(PolicyDocument policy) {
        List<Statement> statements = new ArrayList<>(policy.statements());
        Statement statement = statements.get(statementIndex);
        if (kind == Kind.ACTION) {
            List<String> remaining = without(statement.actions().texts());
            if (remaining.isEmpty()) {
                statements.remove(statementIndex);
            } else {
                statements.set(statementIndex, new Statement(statement.sid(), statement.effect(), statement.notAction(),
                        ValueList.of(remaining), statement.notResource(), statement.resources(),
                        statement.conditions(), statement.position()));
            }
        } else {
            String key = kind == Kind.RECORD_NAME ? Route53Names.KEY_NAMES : Route53Names.KEY_ACTIONS;
            List<String> values = statement.conditions().stream().flatMap(b -> b.entries().stream())
                    .filter(e -> e.key().equals(key)).findFirst().orElseThrow().values().texts();
            statements.set(statementIndex, statement.withConditionValues(key, ValueList.of(without(values))));
        }
        return PolicyDocument.of(statements);
    }

    /** Whether a call the sandbox denied is one this grant would have allowed. */
    boolean matches(ObservedCall denied) {
        return switch (kind) {
            case ACTION -> value.equals(denied.action());
            case RECORD_NAME -> denied.recordNames().contains(value);
            case CHANGE_ACTION -> denied.changeActions().contains(value);
        };
    }

    private List<String> without(List<String> values) {
        List<String> remaining = new ArrayList<>(values);
        remaining.remove(value);
        return remaining;
    }

    @Override
    public String toString() {
        return "without " + kind.label + " " + value;
    }
}
