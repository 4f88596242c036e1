package dev.policygen.lint.report;

import dev.policygen.SourcePosition;
import dev.policygen.json.JsonNode;
import java.util.List;

/** Shorthands for building output trees, which have no source position. */
final class Trees {
    private Trees() {
    }

    static JsonNode.Member member(String key, JsonNode value) {
        return new JsonNode.Member(key, SourcePosition.UNKNOWN, value);
    }

    static JsonNode object(JsonNode.Member... members) {
        return new JsonNode.JsonObject(List.of(members), SourcePosition.UNKNOWN);
    }

    static JsonNode object(List<JsonNode.Member> members) {
        return new JsonNode.JsonObject(members, SourcePosition.UNKNOWN);
    }

    static JsonNode array(List<JsonNode> elements) {
        return new JsonNode.JsonArray(elements, SourcePosition.UNKNOWN);
    }

    static JsonNode string(String text) {
        return new JsonNode.JsonString(text, SourcePosition.UNKNOWN);
    }

    static JsonNode number(int value) {
        return new JsonNode.JsonNumber(Integer.toString(value), SourcePosition.UNKNOWN);
    }
}
