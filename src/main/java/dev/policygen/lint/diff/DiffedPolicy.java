package dev.policygen.lint.diff;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.eval.AccessRequest;
import dev.policygen.eval.CompiledPolicy;
import dev.policygen.eval.Evaluation;
import dev.policygen.eval.Mismatch;
import dev.policygen.eval.PolicyEvaluator;
import dev.policygen.eval.StatementRef;
import dev.policygen.json.JsonNode;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.model.ConditionBlock;
import dev.policygen.model.ConditionEntry;
import dev.policygen.model.Effect;
import dev.policygen.model.PolicyDocument;
import dev.policygen.model.PolicyReader;
import dev.policygen.model.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One lint input compiled for the profile diff, with the way back from the evaluator's statement
 * index to the statement's position in the file.
 *
 * <p>The diff asks what the client may do, not where it calls from, and a request cannot carry the
 * client's address. So the client is taken to call from the network the policy allows: a Deny
 * conditioned on a network key is left out, and network conditions of an Allow count as met.
 * Without that, every policy with a source-IP guard would seem to deny the client everything.
 */
public final class DiffedPolicy implements JudgedPolicy {
    private static final Set<String> NETWORK_KEYS = Set.of("aws:sourceip", "aws:sourcevpc", "aws:sourcevpce",
            "aws:vpcsourceip");

    private final PolicyEvaluator evaluator;
    /** For each compiled statement, the statement as written (with its index and position). */
    private final List<Statement> written;
    private final List<Integer> writtenIndex;
    private final SourcePosition statementsPosition;
    /** The document as it is evaluated: network Denies left out, network conditions of an Allow removed. */
    private final PolicyDocument diffed;

    private DiffedPolicy(PolicyDocument diffed, List<Statement> written, List<Integer> writtenIndex,
            SourcePosition statementsPosition, String file) {
        this.diffed = diffed;
        this.evaluator = new PolicyEvaluator(List.of(CompiledPolicy.compile(diffed, 0, file)));
        this.written = written;
        this.writtenIndex = writtenIndex;
        this.statementsPosition = statementsPosition;
    }

    /**
     * Empty when the input is not a valid identity policy (or holds values only known at
     * deployment): the grammar rules report why, and no decision about it would be reliable.
     */
    public static Optional<DiffedPolicy> of(LintedPolicy policy) {
        if (policy.root().isEmpty()) {
            return Optional.empty();
        }
        PolicyDocument document;
        try {
            document = PolicyReader.fromJson(policy.root().get(), policy.file());
        } catch (InputException notAPolicy) {
            return Optional.empty();
        }
        List<Statement> kept = new ArrayList<>();
        List<Statement> written = new ArrayList<>();
        List<Integer> writtenIndex = new ArrayList<>();
        for (int i = 0; i < document.statements().size(); i++) {
            Statement statement = document.statements().get(i);
            if (statement.effect() == Effect.DENY && hasNetworkCondition(statement)) {
                continue;
            }
            kept.add(withoutNetworkConditions(statement));
            written.add(statement);
            writtenIndex.add(i);
        }
        PolicyDocument diffed = new PolicyDocument(document.version(), document.id(), kept, false,
                document.position());
        SourcePosition at = policy.document().flatMap(d -> d.get("Statement")).map(JsonNode::position)
                .orElse(SourcePosition.UNKNOWN);
        return Optional.of(new DiffedPolicy(diffed, written, writtenIndex, at, policy.file()));
    }

    @Override
    public Evaluation evaluate(AccessRequest request) {
        return evaluator.evaluate(request);
    }

    @Override
    public SourcePosition position(StatementRef ref) {
        return written.get(ref.statementIndex()).position();
    }

    @Override
    public String describe(StatementRef ref) {
        return describe(writtenIndex.get(ref.statementIndex()), ref);
    }

    /** The statement at {@code index} of the file, with its Sid and effect; the trust diff names them alike. */
    static String describe(int index, StatementRef ref) {
        return "statement " + index
                + ref.sid().filter(s -> !s.isBlank()).map(s -> " (Sid " + s + ", " + ref.effect().json() + ")")
                        .orElse(" (" + ref.effect().json() + ")");
    }

    @Override
    public SourcePosition statementsPosition() {
        return statementsPosition;
    }

    @Override
    public String denies() {
        return "this policy denies";
    }

    @Override
    public List<PolicyDocument> documents() {
        return List.of(diffed);
    }

    /** {@link JudgedPolicy#closest}, for any evaluation (the trust diff's too). */
    public static Optional<Mismatch> closestAllow(Evaluation evaluation) {
        Mismatch resource = null;
        for (Mismatch mismatch : evaluation.notApplied()) {
            if (mismatch.statement().effect() != Effect.ALLOW) {
                continue;
            }
            if (mismatch.element() == Mismatch.Element.CONDITION) {
                return Optional.of(mismatch);
            }
            boolean resourceFailed = mismatch.element() == Mismatch.Element.RESOURCE
                    || mismatch.element() == Mismatch.Element.NOT_RESOURCE;
            if (resourceFailed && resource == null) {
                resource = mismatch;
            }
        }
        return Optional.ofNullable(resource);
    }

    private static boolean hasNetworkCondition(Statement statement) {
        return statement.conditions().stream().flatMap(b -> b.entries().stream()).anyMatch(DiffedPolicy::isNetwork);
    }

    private static boolean isNetwork(ConditionEntry entry) {
        return NETWORK_KEYS.contains(entry.key().toLowerCase(Locale.ROOT));
    }

    private static Statement withoutNetworkConditions(Statement statement) {
        if (!hasNetworkCondition(statement)) {
            return statement;
        }
        List<ConditionBlock> blocks = new ArrayList<>();
        for (ConditionBlock block : statement.conditions()) {
            List<ConditionEntry> entries = block.entries().stream().filter(e -> !isNetwork(e)).toList();
            if (!entries.isEmpty()) {
                blocks.add(new ConditionBlock(block.operator(), entries, block.position()));
            }
        }
        return new Statement(statement.sid(), statement.effect(), statement.notAction(), statement.actions(),
                statement.notResource(), statement.resources(), blocks, statement.position());
    }
}
