package dev.policygen.lint.rules;

import dev.policygen.json.JsonNode;
import dev.policygen.lint.AbstractRule;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.StatementView;
import java.util.regex.Pattern;

/** PG103: identity policy Sids may hold only ASCII letters and digits. */
public final class InvalidSidRule extends AbstractRule {
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]*");

    public InvalidSidRule() {
        super("PG103", Severity.ERROR, "A Sid contains characters other than A-Z, a-z and 0-9.");
    }

    @Override
    public void check(LintedPolicy policy, Reporter reporter) {
        for (StatementView statement : policy.statements()) {
            statement.object().get("Sid").ifPresent(sid -> {
                if (sid instanceof JsonNode.JsonString s && !SID.matcher(s.value()).matches()) {
                    reporter.report(s.position(), "Sid \"" + s.value()
                            + "\" may contain only letters A-Z, a-z and digits 0-9");
                }
            });
        }
    }
}
