package dev.policygen.eval;

import dev.policygen.model.Effect;
import dev.policygen.model.PolicyDocument;
import dev.policygen.model.Statement;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.Partition;
import dev.policygen.route53.RecordChange;
import java.util.ArrayList;
import java.util.List;

/**
 * The name groups of a set of policies: for a challenge name in a zone, which Allow statement lets a client
 * change it (the first, in document order, that allows a DELETE and a CREATE of its TXT set alone). IAM judges
 * each statement on its own, so a ForAllValues list of names allows a batch only when every name of the batch
 * is in that one statement; a batch holding names of two groups is denied by both (docs/design/name-groups.md).
 * Renew's guard batches by these groups ({@code renew.guard.ChangeGroups}); lint's profile diff reads them
 * from the documents it is given ({@code lint.diff}), so both judge a split policy by the same rule.
 */
public final class NameGroups {
    /** The group of a name that no statement allows. */
    public static final int NONE = -1;

    /** One evaluator per Allow statement, in document order: a name's group is the index of the first that allows it. */
    private final List<PolicyEvaluator> statements;

    private NameGroups(List<PolicyEvaluator> statements) {
        this.statements = List.copyOf(statements);
    }

    public static NameGroups of(List<PolicyDocument> documents) {
        List<PolicyEvaluator> statements = new ArrayList<>();
        for (PolicyDocument document : documents) {
            for (Statement statement : document.statements()) {
                if (statement.effect() == Effect.ALLOW) {
                    statements.add(PolicyEvaluator.of(List.of(PolicyDocument.of(List.of(statement)))));
                }
            }
        }
        return new NameGroups(statements);
    }

    /** The one-name batch a name's group is judged by: a DELETE and a CREATE of its TXT set. */
    public static AccessRequest membership(Partition partition, HostedZoneId zone, String name) {
        return ChangeBatch.request(partition, zone,
                List.of(new RecordChange("DELETE", "TXT", name), new RecordChange("CREATE", "TXT", name)), List.of());
    }

    /** The group of the one name {@code oneNameBatch} changes: the index of the first Allow statement allowing it, or {@link #NONE}. */
    public int groupOf(AccessRequest oneNameBatch) {
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).evaluate(oneNameBatch).decision().allowed()) {
                return i;
            }
        }
        return NONE;
    }
}
