package dev.policygen.eval;

import dev.policygen.SourcePosition;
import dev.policygen.json.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Terse builders for JSON trees in tests. */
public final class Json {
    private static final SourcePosition NOWHERE = SourcePosition.UNKNOWN;

    private Json() {
    }

    public static JsonNode str(String text) {
        return new JsonNode.JsonString(text, NOWHERE);
    }

    public static JsonNode bool(boolean value) {
        return new JsonNode.JsonBoolean(value, NOWHERE);
    }

    public static JsonNode arr(List<JsonNode> elements) {
        return new JsonNode.JsonArray(elements, NOWHERE);
    }

    public static JsonNode strings(List<String> texts) {
        List<JsonNode> nodes = new ArrayList<>();
        texts.forEach(t -> nodes.add(str(t)));
        return arr(nodes);
    }

    /** An object from alternating keys and values. */
    public static JsonNode obj(Object... keysAndValues) {
        List<JsonNode.Member> members = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            members.add(new JsonNode.Member((String) keysAndValues[i], NOWHERE, (JsonNode) keysAndValues[i + 1]));
        }
        return new JsonNode.JsonObject(members, NOWHERE);
    }

    public static JsonNode obj(List<JsonNode.Member> members) {
        return new JsonNode.JsonObject(members, NOWHERE);
    }

    public static JsonNode.Member member(String key, JsonNode value) {
        return new JsonNode.Member(key, NOWHERE, value);
    }
}
