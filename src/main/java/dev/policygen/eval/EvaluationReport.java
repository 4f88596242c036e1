package dev.policygen.eval;

import dev.policygen.SourcePosition;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Renders an {@link Evaluation} for people (text) and for programs (JSON). */
public final class EvaluationReport {
    private static final SourcePosition NOWHERE = SourcePosition.UNKNOWN;

    private EvaluationReport() {
    }

    public static String text(AccessRequest request, Evaluation evaluation) {
        StringBuilder out = new StringBuilder();
        out.append("Decision: ").append(evaluation.decision().json()).append('\n');
        out.append("Request:  ").append(request.action()).append(" on ").append(request.resource()).append('\n');
        for (ContextValue value : request.context().values()) {
            out.append("  ").append(value.key()).append(" = ")
                    .append(value.multiValued() ? value.values().toString() : value.value()).append('\n');
        }
        List<StatementRef> deciding = evaluation.deciding();
        switch (evaluation.decision()) {
            case ALLOWED -> out.append("Allowed by:\n");
            case EXPLICIT_DENY -> out.append("Denied by:\n");
            case IMPLICIT_DENY -> out.append("No statement allows this request.\n");
        }
        deciding.forEach(ref -> out.append("  ").append(ref.describe()).append('\n'));
        // a set, not the list: with every statement applying, list look-ups made this quadratic (80k: 13 s)
        Set<StatementRef> decidingSet = new HashSet<>(deciding);
        for (StatementRef ref : evaluation.applied()) {
            if (!decidingSet.contains(ref)) {
                out.append("Overridden: ").append(ref.describe()).append('\n');
            }
        }
        if (!evaluation.notApplied().isEmpty()) {
            out.append("Statements that did not apply:\n");
            for (Mismatch mismatch : evaluation.notApplied()) {
                out.append("  ").append(mismatch.statement().describe()).append(": ")
                        .append(mismatch.element().json()).append(": ").append(mismatch.reason()).append('\n');
            }
        }
        return out.toString();
    }

    public static String json(AccessRequest request, Evaluation evaluation) {
        List<JsonNode.Member> members = new ArrayList<>();
        members.add(member("decision", string(evaluation.decision().json())));
        members.add(member("action", string(request.action())));
        members.add(member("resource", string(request.resource())));
        members.add(member("deciding", refs(evaluation.deciding())));
        members.add(member("applied", refs(evaluation.applied())));
        List<JsonNode> misses = new ArrayList<>();
        for (Mismatch mismatch : evaluation.notApplied()) {
            List<JsonNode.Member> fields = new ArrayList<>(ref(mismatch.statement()));
            fields.add(member("element", string(mismatch.element().json())));
            if (mismatch.condition() != null) {
                fields.add(member("operator", string(mismatch.condition().operator().json())));
                fields.add(member("key", string(mismatch.condition().key())));
            }
            fields.add(member("reason", string(mismatch.reason())));
            misses.add(new JsonNode.JsonObject(fields, NOWHERE));
        }
        members.add(member("notApplied", new JsonNode.JsonArray(misses, NOWHERE)));
        return JsonWriter.pretty(new JsonNode.JsonObject(members, NOWHERE));
    }

    private static JsonNode refs(List<StatementRef> refs) {
        List<JsonNode> nodes = new ArrayList<>();
        refs.forEach(r -> nodes.add(new JsonNode.JsonObject(ref(r), NOWHERE)));
        return new JsonNode.JsonArray(nodes, NOWHERE);
    }

    private static List<JsonNode.Member> ref(StatementRef ref) {
        List<JsonNode.Member> fields = new ArrayList<>();
        fields.add(member("policyIndex", new JsonNode.JsonNumber(Integer.toString(ref.policyIndex()), NOWHERE)));
        fields.add(member("policy", string(ref.policyName())));
        fields.add(member("statementIndex", new JsonNode.JsonNumber(Integer.toString(ref.statementIndex()), NOWHERE)));
        ref.sid().ifPresent(sid -> fields.add(member("sid", string(sid))));
        fields.add(member("effect", string(ref.effect().json())));
        return fields;
    }

    private static JsonNode.Member member(String key, JsonNode value) {
        return new JsonNode.Member(key, NOWHERE, value);
    }

    private static JsonNode string(String text) {
        return new JsonNode.JsonString(text, NOWHERE);
    }
}
