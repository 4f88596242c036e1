package dev.policygen.eval.chain;

import dev.policygen.SourcePosition;
import dev.policygen.eval.ContextValue;
import dev.policygen.eval.Mismatch;
import dev.policygen.eval.StatementRef;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link ChainEvaluation}: the chain's decision, then per hop its decision, the rule that
 * produced it, and per policy its own decision with the statements that decided it (or, for an
 * implicit deny, why each statement did not apply).
 */
public final class ChainReport {
    private static final SourcePosition NOWHERE = SourcePosition.UNKNOWN;

    private ChainReport() {
    }

    public static String text(ChainEvaluation chain) {
        StringBuilder out = new StringBuilder();
        out.append("Decision: ").append(chain.decision().json()).append('\n');
        int number = 1;
        for (Hop hop : chain.hops()) {
            out.append('\n').append("Hop ").append(number++).append(": ").append(hop.name()).append('\n');
            out.append("  Decision: ").append(hop.decision().json()).append(" (").append(hop.rule()).append(")\n");
            out.append("  Request:  ").append(hop.request().action()).append(" on ").append(hop.request().resource())
                    .append('\n');
            for (ContextValue value : hop.request().context().values()) {
                out.append("    ").append(value.key()).append(" = ")
                        .append(value.multiValued() ? value.values().toString() : value.value()).append('\n');
            }
            hop.decidedBy().ifPresent(layer -> out.append("  Decided by: ").append(layer.type().json()).append(' ')
                    .append(layer.policyName()).append('\n'));
            for (LayerResult layer : hop.layers()) {
                out.append("  ").append(layer.type().json()).append(' ').append(layer.policyName()).append(": ")
                        .append(layer.evaluation().decision().json()).append('\n');
                for (StatementRef ref : layer.evaluation().deciding()) {
                    out.append("    by ").append(ref.describe()).append('\n');
                }
                if (layer.evaluation().deciding().isEmpty()) {
                    for (Mismatch miss : layer.evaluation().notApplied()) {
                        out.append("    not ").append(miss.statement().describe()).append(": ")
                                .append(miss.element().json()).append(": ").append(miss.reason()).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    public static String json(ChainEvaluation chain) {
        List<JsonNode> hops = new ArrayList<>();
        for (Hop hop : chain.hops()) {
            List<JsonNode.Member> fields = new ArrayList<>();
            fields.add(member("hop", string(hop.name())));
            fields.add(member("action", string(hop.request().action())));
            fields.add(member("resource", string(hop.request().resource())));
            fields.add(member("decision", string(hop.decision().json())));
            fields.add(member("rule", string(hop.rule())));
            hop.decidedBy().ifPresent(layer -> {
                fields.add(member("decidedByType", string(layer.type().json())));
                fields.add(member("decidedByPolicy", string(layer.policyName())));
            });
            List<JsonNode> layers = new ArrayList<>();
            for (LayerResult layer : hop.layers()) {
                List<JsonNode.Member> one = new ArrayList<>();
                one.add(member("type", string(layer.type().json())));
                one.add(member("policy", string(layer.policyName())));
                one.add(member("decision", string(layer.evaluation().decision().json())));
                List<JsonNode> deciding = new ArrayList<>();
                for (StatementRef ref : layer.evaluation().deciding()) {
                    List<JsonNode.Member> r = new ArrayList<>();
                    r.add(member("statementIndex", new JsonNode.JsonNumber(Integer.toString(ref.statementIndex()), NOWHERE)));
                    ref.sid().ifPresent(sid -> r.add(member("sid", string(sid))));
                    r.add(member("effect", string(ref.effect().json())));
                    deciding.add(new JsonNode.JsonObject(r, NOWHERE));
                }
                one.add(member("deciding", new JsonNode.JsonArray(deciding, NOWHERE)));
                layers.add(new JsonNode.JsonObject(one, NOWHERE));
            }
            fields.add(member("policies", new JsonNode.JsonArray(layers, NOWHERE)));
            hops.add(new JsonNode.JsonObject(fields, NOWHERE));
        }
        return JsonWriter.pretty(new JsonNode.JsonObject(List.of(
                member("decision", string(chain.decision().json())),
                member("hops", new JsonNode.JsonArray(hops, NOWHERE))), NOWHERE));
    }

    private static JsonNode.Member member(String key, JsonNode value) {
        return new JsonNode.Member(key, NOWHERE, value);
    }

    private static JsonNode string(String text) {
        return new JsonNode.JsonString(text, NOWHERE);
    }
}
