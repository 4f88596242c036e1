package dev.policygen.lint.diff;

import dev.policygen.SourcePosition;
import dev.policygen.eval.AccessRequest;
import dev.policygen.eval.Evaluation;
import dev.policygen.eval.Mismatch;
import dev.policygen.eval.StatementRef;
import dev.policygen.model.PolicyDocument;
import java.util.List;
import java.util.Optional;

/**
 * What the PG501/PG502 rules judge a client's requests against: one lint input ({@link DiffedPolicy}), or
 * every identity policy of a lint run taken as the one role they are attached to ({@link DiffedIdentity}).
 */
public interface JudgedPolicy {

    Evaluation evaluate(AccessRequest request);

    /** Where the statement the evaluator names starts in its lint input. */
    SourcePosition position(StatementRef ref);

    /** {@code statement 2 (Sid AllowTxt, Allow)}, counting from 0 as {@code simulate} does. */
    String describe(StatementRef ref);

    /** The Statement element, for findings that no single statement is to blame for. */
    SourcePosition statementsPosition();

    /** How a finding names what denies a request: {@code this policy denies}. */
    String denies();

    /** The documents as the evaluator judges them (network conditions taken as met), for the name groups. */
    List<PolicyDocument> documents();

    /**
     * Of the Allow statements that did not apply, the one that came closest: its action matched and a
     * condition failed, else its action matched and the resource did not. Empty when no statement
     * covers the action at all.
     */
    default Optional<Mismatch> closest(Evaluation evaluation) {
        return DiffedPolicy.closestAllow(evaluation);
    }
}
