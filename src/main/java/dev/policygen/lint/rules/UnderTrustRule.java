package dev.policygen.lint.rules;

import dev.policygen.eval.ContextValue;
import dev.policygen.eval.Evaluation;
import dev.policygen.eval.Mismatch;
import dev.policygen.eval.StatementRef;
import dev.policygen.eval.chain.Hop;
import dev.policygen.eval.chain.TrustPolicyCompiler;
import dev.policygen.lint.Reporter;
import dev.policygen.lint.Severity;
import dev.policygen.lint.StatementView;
import dev.policygen.lint.diff.DiffedPolicy;
import dev.policygen.lint.diff.DiffedTrust;
import dev.policygen.lint.diff.ProfileDiff;
import dev.policygen.lint.diff.TrustDiff;
import java.util.List;
import java.util.Optional;

/**
 * PG504: the trust policy refuses the caller the trust generate writes for {@code --runtime} admits
 * (the right service for the right account, the right OIDC provider with the right {@code sub} and
 * {@code aud}, the cluster's session tags, the trusted role with its external id), so the client never
 * gets credentials and cannot start. Reported where the evaluator puts the blame: the Deny statement
 * that matched, else the Allow statement that came closest and the condition (or Principal) that
 * refused the caller.
 */
public final class UnderTrustRule extends TrustDiffRule {

    public UnderTrustRule(Optional<ProfileDiff> diff) {
        super("PG504", Severity.ERROR, "The trust policy refuses the caller the --runtime's trust admits.", diff);
    }

    @Override
    void check(TrustDiff diff, DiffedTrust trust, Reporter reporter) {
        for (String action : diff.actions()) {
            Hop hop = trust.assume(diff, diff.intended(), action);
            if (hop.decision().allowed()) {
                continue;
            }
            Evaluation evaluation = DiffedTrust.trustEvaluation(hop);
            String head = "--runtime " + diff.runtime() + " runs as " + diff.intended().description()
                    + ", which this trust policy refuses " + action + ": ";
            if (!evaluation.deciding().isEmpty()) {
                StatementRef deny = evaluation.deciding().get(0);
                reporter.report(trust.position(deny), head + "explicitly, by " + trust.describe(deny));
                continue;
            }
            Optional<Mismatch> closest = DiffedPolicy.closestAllow(evaluation);
            if (closest.isPresent()) {
                StatementRef ref = closest.get().statement();
                String why = namesCaller(trust.statement(ref), diff) ? refusal(closest.get(), diff)
                        : "its Principal does not name " + diff.intended().caller().arn();
                reporter.report(trust.position(ref), head + trust.describe(ref) + " covers the action but " + why);
            } else {
                reporter.report(trust.statementsPosition(), head + "no statement allows " + action);
            }
        }
    }

    /**
     * Whether the statement's Principal names the caller: the evaluator checks Principal as the last
     * condition, so the first failing one it reports would hide a Principal naming someone else.
     */
    private static boolean namesCaller(StatementView statement, TrustDiff diff) {
        List<String> identifiers = diff.intended().caller().identifiers();
        String account = diff.intended().caller().account().orElse("");
        for (TrustPrincipal principal : TrustPrincipal.of(statement)) {
            if (principal.isAnyone() || principal.value().equals(account)
                    || identifiers.stream().anyMatch(id -> id.equalsIgnoreCase(principal.value()))) {
                return true;
            }
        }
        return false;
    }

    /** Which condition refused the caller, with the value the caller sends; or that the Principal does not name it. */
    private static String refusal(Mismatch mismatch, TrustDiff diff) {
        if (mismatch.condition() == null) {
            return "not this role (" + mismatch.element().json() + ": " + mismatch.reason() + ")";
        }
        String key = mismatch.condition().key();
        if (key.equals(TrustPolicyCompiler.PRINCIPAL_KEY)) {
            return "its Principal does not name " + diff.intended().caller().arn();
        }
        String sent = diff.intended().context().stream().filter(v -> v.key().equalsIgnoreCase(key)).findFirst()
                .map(UnderTrustRule::shown).map(v -> "; the caller sends \"" + v + "\"")
                .orElse(", and the caller does not send " + key);
        return "its condition refuses it (" + mismatch.reason() + sent + ")";
    }

    private static String shown(ContextValue value) {
        return value.multiValued() ? value.values().toString() : value.value();
    }
}
