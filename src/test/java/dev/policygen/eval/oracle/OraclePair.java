package dev.policygen.eval.oracle;

import dev.policygen.InputException;
import dev.policygen.eval.AccessRequest;
import dev.policygen.eval.ContextValue;
import dev.policygen.eval.Json;
import dev.policygen.eval.PolicyEvaluator;
import dev.policygen.eval.RequestContext;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonWriter;
import dev.policygen.model.PolicyDocument;
import dev.policygen.model.PolicyReader;
import java.util.ArrayList;
import java.util.List;

/** One generated case for the differential test: policies as JSON and a request. */
public record OraclePair(long id, List<JsonNode> policies, String action, String resource,
        List<ContextValue> context) {

    /** The line the node driver reads. */
    public String toJsonLine() {
        List<JsonNode.Member> contextMembers = new ArrayList<>();
        for (ContextValue value : context) {
            contextMembers.add(Json.member(value.key(),
                    value.multiValued() ? Json.strings(value.values()) : Json.str(value.value())));
        }
        JsonNode line = Json.obj(
                "id", new JsonNode.JsonNumber(Long.toString(id), dev.policygen.SourcePosition.UNKNOWN),
                "policies", Json.arr(policies),
                "action", Json.str(action),
                "resource", Json.str(resource),
                "context", Json.obj(contextMembers));
        return JsonWriter.minified(line);
    }

    public AccessRequest request() {
        return new AccessRequest(action, resource, RequestContext.of(context));
    }

    public PolicyEvaluator evaluator() throws InputException {
        List<PolicyDocument> documents = new ArrayList<>();
        for (JsonNode policy : policies) {
            documents.add(PolicyReader.fromJson(policy, "generated-" + id));
        }
        return PolicyEvaluator.of(documents);
    }

    /** Human-readable form for failure messages. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append("request: ").append(action).append(" on ").append(resource).append(" context ")
                .append(context).append('\n');
        for (int i = 0; i < policies.size(); i++) {
            out.append("policy-").append(i).append(": ").append(JsonWriter.minified(policies.get(i))).append('\n');
        }
        return out.toString();
    }
}
