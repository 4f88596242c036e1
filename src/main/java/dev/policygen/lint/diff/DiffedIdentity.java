package dev.policygen.lint.diff;

import dev.policygen.SourcePosition;
import dev.policygen.eval.AccessRequest;
import dev.policygen.eval.CompiledPolicy;
import dev.policygen.eval.Evaluation;
import dev.policygen.eval.PolicyEvaluator;
import dev.policygen.eval.StatementRef;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.PolicyKind;
import dev.policygen.model.PolicyDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The identity policies of one lint run judged together, as AWS judges the policies attached to one role: an
 * applying Deny in any of them wins, else an applying Allow in any of them allows. This is how lint compares
 * a {@code generate --split} set with a client whose change batches follow the policy's statements
 * ({@code changes.batchesPerStatement}: renew), since each document of the set under-grants alone. Each
 * statement keeps its way back to the input it came from, so a finding is reported in that input.
 */
public final class DiffedIdentity implements JudgedPolicy {
    private final List<LintedPolicy> inputs;
    private final List<DiffedPolicy> members;
    private final PolicyEvaluator evaluator;

    private DiffedIdentity(List<LintedPolicy> inputs, List<DiffedPolicy> members) {
        this.inputs = List.copyOf(inputs);
        this.members = List.copyOf(members);
        List<CompiledPolicy> compiled = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            compiled.add(CompiledPolicy.compile(members.get(i).documents().get(0), i, inputs.get(i).file()));
        }
        this.evaluator = new PolicyEvaluator(compiled);
    }

    /**
     * The identity policies of {@code run} that the evaluator can decide reliably (the others are skipped, as
     * {@link DiffedPolicy#of} says); empty when there is none.
     */
    public static Optional<DiffedIdentity> of(List<LintedPolicy> run) {
        List<LintedPolicy> inputs = new ArrayList<>();
        List<DiffedPolicy> members = new ArrayList<>();
        for (LintedPolicy policy : run) {
            if (policy.kind() != PolicyKind.IDENTITY) {
                continue;
            }
            Optional<DiffedPolicy> diffed = DiffedPolicy.of(policy);
            if (diffed.isPresent()) {
                inputs.add(policy);
                members.add(diffed.get());
            }
        }
        return members.isEmpty() ? Optional.empty() : Optional.of(new DiffedIdentity(inputs, members));
    }

    /** The input a finding about {@code statement} belongs in; the first input when no statement is to blame. */
    public LintedPolicy input(Optional<StatementRef> statement) {
        return inputs.get(statement.map(StatementRef::policyIndex).orElse(0));
    }

    @Override
    public Evaluation evaluate(AccessRequest request) {
        return evaluator.evaluate(request);
    }

    @Override
    public SourcePosition position(StatementRef ref) {
        return members.get(ref.policyIndex()).position(ref);
    }

    @Override
    public String describe(StatementRef ref) {
        return members.get(ref.policyIndex()).describe(ref);
    }

    @Override
    public SourcePosition statementsPosition() {
        return members.get(0).statementsPosition();
    }

    @Override
    public String denies() {
        return members.size() == 1 ? "this policy denies" : "these " + members.size() + " policies together deny";
    }

    @Override
    public List<PolicyDocument> documents() {
        return members.stream().map(m -> m.documents().get(0)).toList();
    }
}
