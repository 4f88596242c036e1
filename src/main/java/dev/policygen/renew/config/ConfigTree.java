package dev.policygen.renew.config;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.json.JsonNode.JsonArray;
import dev.policygen.json.JsonNode.JsonNumber;
import dev.policygen.json.JsonNode.JsonObject;
import dev.policygen.json.JsonNode.JsonString;
import dev.policygen.json.JsonNode.Member;
import dev.policygen.json.JsonNode;
import java.util.Optional;
import java.util.Set;

/**
 * Typed reads from a located config tree. Every failure is an {@link InputException} at the value
 * (or key) it is about, so a config error always names file, line and column.
 */
final class ConfigTree {
    private final String source;

    ConfigTree(String source) {
        this.source = source;
    }

    InputException error(SourcePosition position, String message) {
        return new InputException(source, position, message);
    }

    /** The node as an object with only the allowed keys, each at most once; typos fail loudly. */
    JsonObject object(JsonNode node, String what, Set<String> allowed) throws InputException {
        if (!(node instanceof JsonObject object)) {
            throw error(node.position(), what + " must be an object, not " + article(node));
        }
        for (Member member : object.members()) {
            if (!allowed.contains(member.key())) {
                throw error(member.keyPosition(), "unknown key \"" + member.key() + "\" in " + what
                        + "; expected one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
        for (Member duplicate : object.duplicateMembers()) {
            throw error(duplicate.keyPosition(), "duplicate key \"" + duplicate.key() + "\" in " + what);
        }
        return object;
    }

    JsonArray array(JsonNode node, String what) throws InputException {
        if (!(node instanceof JsonArray array)) {
            throw error(node.position(), what + " must be a list, not " + article(node));
        }
        return array;
    }

    String string(JsonNode node, String what) throws InputException {
        if (!(node instanceof JsonString string)) {
            throw error(node.position(), what + " must be a string, not " + article(node));
        }
        if (string.value().isBlank()) {
            throw error(node.position(), what + " must not be empty");
        }
        return string.value().strip();
    }

    /** An integer in [min, max]; a quoted number is accepted since letsencrypt-aws's schema shows one. */
    int integer(JsonNode node, String what, int min, int max) throws InputException {
        String text;
        if (node instanceof JsonNumber number) {
            text = number.text();
        } else if (node instanceof JsonString string) {
            text = string.value().strip();
        } else {
            throw error(node.position(), what + " must be a whole number, not " + article(node));
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw error(node.position(), what + " must be a whole number, not \"" + text + "\"");
        }
        if (value < min || value > max) {
            throw error(node.position(), what + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    JsonNode required(JsonObject object, String key, String what) throws InputException {
        Optional<JsonNode> value = object.get(key);
        if (value.isEmpty()) {
            throw error(object.position(), what + " needs \"" + key + "\"");
        }
        return value.get();
    }

    private static String article(JsonNode node) {
        String type = node.typeName();
        return (type.startsWith("a") || type.startsWith("o") ? "an " : "a ") + type;
    }
}
