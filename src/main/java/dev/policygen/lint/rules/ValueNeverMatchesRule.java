package dev.policygen.lint.rules;

import dev.policygen.eval.Glob;
import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.ConditionView;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.PolicyKind;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Route53Facts;
import dev.policygen.lint.Severity;
import dev.policygen.lint.StatementView;
import dev.policygen.model.OperatorName;
import dev.policygen.model.PolicyValue;
import dev.policygen.route53.Route53Names;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PG210: Route 53 hands IAM normalized values (names lower case, no trailing dot, \ooo escapes;
 * types and actions upper case) and compares them case-sensitively. A value that breaks these
 * rules never matches, so the client is denied (or a Deny never fires).
 */
public final class ValueNeverMatchesRule extends AbstractRule {
    private static final List<String> CHANGE_ACTIONS = List.of("CREATE", "UPSERT", "DELETE");

    public ValueNeverMatchesRule() {
        super("PG210", Severity.ERROR, "A record-key condition value that Route 53's normalized values never match.");
    }

    /** Route 53 grants are what identity policies are about; a trust policy grants none. */
    @Override
    public Set<PolicyKind> kinds() {
        return Set.of(PolicyKind.IDENTITY);
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        for (StatementView statement : policy.statements()) {
            for (ConditionView condition : statement.conditions()) {
                if (!Route53Facts.isRecordKey(condition.key()) || condition.operator().isEmpty()
                        || condition.operator().get().base().family() != OperatorName.Family.STRING) {
                    continue;
                }
                OperatorName base = condition.operator().get().base();
                boolean like = base == OperatorName.STRING_LIKE || base == OperatorName.STRING_NOT_LIKE;
                boolean ignoreCase = base == OperatorName.STRING_EQUALS_IGNORE_CASE
                        || base == OperatorName.STRING_NOT_EQUALS_IGNORE_CASE;
                String key = Route53Facts.canonicalKey(condition.key());
                for (PolicyValue value : condition.values()) {
                    Optional<String> problem = key.equals(Route53Names.KEY_NAMES) ? nameProblem(value.text(), like, ignoreCase)
                            : key.equals(Route53Names.KEY_TYPES) ? typeProblem(value.text(), like, ignoreCase)
                            : actionProblem(value.text(), like, ignoreCase);
                    problem.ifPresent(p -> reporter.report(value.position(), "\"" + value.text() + "\" never matches "
                            + key + ": " + p));
                }
            }
        }
    }

    static Optional<String> nameProblem(String name, boolean like, boolean ignoreCase) {
        if (name.endsWith(".") && name.length() > 1) {
            return Optional.of("normalized names have no trailing dot");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
            if (plain || (like && (c == '*' || c == '?'))) {
                continue;
            }
            if (c >= 'A' && c <= 'Z') {
                if (ignoreCase) {
                    continue;
                }
                return Optional.of("normalized names are lower case");
            }
            if (c == '\\' && octal(name, i + 1)) {
                i += 3;
                continue;
            }
            if (c == '\\') {
                return Optional.of("a backslash must start a three-digit octal escape such as \\052");
            }
            if (c == '*' || c == '?') {
                return Optional.of("'" + c + "' is a literal under " + (ignoreCase ? "StringEqualsIgnoreCase" : "StringEquals")
                        + " and normalized names write it as \\" + String.format("%03o", (int) c)
                        + "; use StringLike for a pattern");
            }
            return Optional.of("normalized names write '" + c + "' as an octal escape such as \\"
                    + String.format("%03o", (int) c & 0xFF));
        }
        return Optional.empty();
    }

    private static Optional<String> typeProblem(String type, boolean like, boolean ignoreCase) {
        String allowed = like ? "[A-Z0-9*?]+" : "[A-Z0-9]+";
        String candidate = ignoreCase ? type.toUpperCase(java.util.Locale.ROOT) : type;
        return candidate.matches(allowed) ? Optional.empty() : Optional.of("record types are upper case, e.g. TXT");
    }

    private static Optional<String> actionProblem(String action, boolean like, boolean ignoreCase) {
        boolean matches = CHANGE_ACTIONS.stream().anyMatch(a -> like ? Glob.of(action, ignoreCase).matches(a)
                : ignoreCase ? a.equalsIgnoreCase(action) : a.equals(action));
        return matches ? Optional.empty() : Optional.of("the change actions are CREATE, UPSERT and DELETE, upper case");
    }

    private static boolean octal(String text, int from) {
        if (from + 3 > text.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
