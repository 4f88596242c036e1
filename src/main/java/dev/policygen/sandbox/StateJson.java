package dev.policygen.sandbox;

import dev.policygen.SourcePosition;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the JSON trees of the sandbox's state files, which {@link JsonWriter} renders as the rest
 * of policygen's JSON is. Every value is a string, as the state files have always held them, and a
 * member whose value is null is left out.
 */
final class StateJson {
    private final List<JsonNode.Member> members = new ArrayList<>();

    /** Adds a string member unless the value is null. */
    StateJson put(String name, String value) {
        if (value != null) {
            members.add(new JsonNode.Member(name, SourcePosition.UNKNOWN,
                    new JsonNode.JsonString(value, SourcePosition.UNKNOWN)));
        }
        return this;
    }

    /** Adds an array member of objects or strings. */
    StateJson put(String name, List<? extends JsonNode> elements) {
        members.add(new JsonNode.Member(name, SourcePosition.UNKNOWN,
                new JsonNode.JsonArray(List.copyOf(elements), SourcePosition.UNKNOWN)));
        return this;
    }

    JsonNode.JsonObject object() {
        return new JsonNode.JsonObject(members, SourcePosition.UNKNOWN);
    }

    static JsonNode.JsonString string(String value) {
        return new JsonNode.JsonString(value, SourcePosition.UNKNOWN);
    }

    /** The rendered file: two-space pretty JSON and a final newline. */
    String text() {
        return JsonWriter.pretty(object());
    }
}
