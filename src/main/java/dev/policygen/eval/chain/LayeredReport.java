package dev.policygen.eval.chain;

import dev.policygen.eval.AccessRequest;
import dev.policygen.eval.EvaluationReport;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.json.JsonWriter;
import dev.policygen.SourcePosition;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link LayeredEvaluation}: the combined decision, the layer that decided it, then each
 * layer's own report in the style of {@link EvaluationReport} (so each says which statement decided).
 */
public final class LayeredReport {
    private static final SourcePosition NOWHERE = SourcePosition.UNKNOWN;

    private LayeredReport() {
    }

    public static String text(AccessRequest request, LayeredEvaluation evaluation) {
        StringBuilder out = new StringBuilder();
        out.append("Decision: ").append(evaluation.decision().json()).append('\n');
        evaluation.decidedBy().ifPresentOrElse(
                layer -> out.append("Decided by: ").append(layer.type().json()).append(' ')
                        .append(layer.policyName()).append(" (").append(layer.evaluation().decision().json())
                        .append(")\n"),
                () -> out.append("Decided by: every policy type allows\n"));
        for (LayerResult layer : evaluation.layers()) {
            out.append('\n').append("== ").append(layer.type().json()).append(": ").append(layer.policyName())
                    .append(" ==\n");
            out.append(EvaluationReport.text(request, layer.evaluation()));
        }
        return out.toString();
    }

    public static String json(AccessRequest request, LayeredEvaluation evaluation) {
        List<JsonNode.Member> members = new ArrayList<>();
        members.add(member("decision", string(evaluation.decision().json())));
        evaluation.decidedBy().ifPresent(layer -> {
            members.add(member("decidedByType", string(layer.type().json())));
            members.add(member("decidedByPolicy", string(layer.policyName())));
        });
        List<JsonNode> layers = new ArrayList<>();
        for (LayerResult layer : evaluation.layers()) {
            List<JsonNode.Member> fields = new ArrayList<>();
            fields.add(member("type", string(layer.type().json())));
            fields.add(member("policy", string(layer.policyName())));
            // the per-type report is the same document simulate prints for identity policies alone
            fields.add(member("evaluation", reparse(EvaluationReport.json(request, layer.evaluation()))));
            layers.add(new JsonNode.JsonObject(fields, NOWHERE));
        }
        members.add(member("layers", new JsonNode.JsonArray(layers, NOWHERE)));
        return JsonWriter.pretty(new JsonNode.JsonObject(members, NOWHERE));
    }

    private static JsonNode reparse(String json) {
        try {
            return JsonReader.read(json, "evaluation");
        } catch (Exception e) {
            throw new IllegalStateException("EvaluationReport wrote invalid JSON", e);
        }
    }

    private static JsonNode.Member member(String key, JsonNode value) {
        return new JsonNode.Member(key, NOWHERE, value);
    }

    private static JsonNode string(String text) {
        return new JsonNode.JsonString(text, NOWHERE);
    }
}
