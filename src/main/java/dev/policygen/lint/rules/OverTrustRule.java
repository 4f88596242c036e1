package dev.policygen.lint.rules;

import dev.policygen.eval.StatementRef;
import dev.policygen.eval.chain.Hop;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.diff.DiffedTrust;
import dev.policygen.lint.diff.ProfileDiff;
import dev.policygen.lint.diff.TrustDiff;
import dev.policygen.lint.diff.TrustProbe;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * PG503: the trust policy lets someone assume the role whom the trust generate writes for
 * {@code --runtime} refuses: another service account or namespace, another cluster, repository, ref
 * or environment, another account, a caller without the external id, another audience or principal.
 * The diff sends a fixed set of such callers (docs/rules/PG503.md) through the chain evaluator's
 * {@code sts:AssumeRole*} hop; each one admitted is reported at the statement that admits it, once
 * per statement and kind of caller, naming the first such caller and how many more there are.
 */
public final class OverTrustRule extends TrustDiffRule {

    public OverTrustRule(Optional<ProfileDiff> diff) {
        super("PG503", Severity.WARNING, "The trust policy admits a caller the --runtime's trust refuses.", diff);
    }

    @Override
    void check(TrustDiff diff, DiffedTrust trust, Reporter reporter) {
        Map<String, Admitted> byStatementAndKind = new LinkedHashMap<>();
        for (TrustProbe probe : diff.probes()) {
            Hop hop = trust.assume(diff, probe.caller());
            if (!hop.decision().allowed()) {
                continue;
            }
            StatementRef allow = DiffedTrust.trustEvaluation(hop).deciding().get(0);
            byStatementAndKind.computeIfAbsent(allow.statementIndex() + " " + probe.kind(),
                    k -> new Admitted(allow, probe)).more++;
        }
        for (Admitted admitted : byStatementAndKind.values()) {
            int others = admitted.more - 1;
            reporter.report(trust.position(admitted.statement), trust.describe(admitted.statement) + " lets "
                    + admitted.first.kind() + " assume the role: " + admitted.first.caller().description()
                    + (others > 0 ? " (and " + others + " more like it)" : "") + ", which the trust generate writes for"
                    + " --runtime " + diff.runtime() + " refuses");
        }
    }

    /** The first probe of one kind a statement admits, and how many it admits. */
    private static final class Admitted {
        final StatementRef statement;
        final TrustProbe first;
        int more;

        Admitted(StatementRef statement, TrustProbe first) {
            this.statement = statement;
            this.first = first;
        }
    }
}
