package dev.policygen.lint.diff;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.eval.CompiledPolicy;
import dev.policygen.eval.Evaluation;
import dev.policygen.eval.StatementRef;
import dev.policygen.eval.chain.Hop;
import dev.policygen.eval.chain.LayerResult;
import dev.policygen.eval.chain.PolicyType;
import dev.policygen.eval.chain.TrustPolicyCompiler;
import dev.policygen.json.JsonNode;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.StatementView;
import java.util.List;
import java.util.Optional;

/**
 * One linted trust policy compiled for the trust diff (PG503, PG504), with the way back from the
 * evaluator's statement index to the statement's position in the file.
 */
public final class DiffedTrust {
    private final CompiledPolicy trust;
    private final List<StatementView> statements;
    private final SourcePosition statementsPosition;

    private DiffedTrust(CompiledPolicy trust, List<StatementView> statements, SourcePosition statementsPosition) {
        this.trust = trust;
        this.statements = statements;
        this.statementsPosition = statementsPosition;
    }

    /**
     * Empty when the input is not a trust policy the evaluator can read (a NotPrincipal, values only
     * known at deployment, broken grammar): other rules report why, and no decision would be reliable.
     */
    public static Optional<DiffedTrust> of(LintedPolicy policy) {
        if (policy.root().isEmpty()) {
            return Optional.empty();
        }
        CompiledPolicy compiled;
        try {
            compiled = TrustPolicyCompiler.compile(policy.root().get(), policy.file(), 0);
        } catch (InputException notReadable) {
            return Optional.empty();
        }
        SourcePosition at = policy.document().flatMap(d -> d.get("Statement")).map(JsonNode::position)
                .orElse(SourcePosition.UNKNOWN);
        return Optional.of(new DiffedTrust(compiled, policy.statements(), at));
    }

    /** The caller's {@code action} on the diff's role under this trust policy. */
    public Hop assume(TrustDiff diff, TrustCaller caller, String action) {
        return TrustDiff.assume(trust, diff.roleArn(), caller, action);
    }

    /** The caller's own {@code sts:AssumeRole*} on the diff's role under this trust policy. */
    public Hop assume(TrustDiff diff, TrustCaller caller) {
        return TrustDiff.assume(trust, diff.roleArn(), caller);
    }

    /** This trust policy's own evaluation within a hop. */
    public static Evaluation trustEvaluation(Hop hop) {
        return hop.layers().stream().filter(l -> l.type() == PolicyType.TRUST_POLICY).map(LayerResult::evaluation)
                .findFirst().orElseThrow();
    }

    /** The statement as written, for what the evaluator's explanation leaves out. */
    public StatementView statement(StatementRef ref) {
        return statements.get(ref.statementIndex());
    }

    public SourcePosition position(StatementRef ref) {
        return ref.statementIndex() < statements.size() ? statements.get(ref.statementIndex()).position()
                : statementsPosition;
    }

    /** {@code statement 0 (Sid TrustIrsa, Allow)}, counting from 0 as {@code simulate} does. */
    public String describe(StatementRef ref) {
        return DiffedPolicy.describe(ref.statementIndex(), ref);
    }

    public SourcePosition statementsPosition() {
        return statementsPosition;
    }
}
