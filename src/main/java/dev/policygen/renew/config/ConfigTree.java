package dev.policygen.renew.config;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.json.JsonNode.JsonArray;
import dev.policygen.json.JsonNode.JsonNumber;
import dev.policygen.json.JsonNode.JsonObject;
import dev.policygen.json.JsonNode.JsonString;
import dev.policygen.json.JsonNode;
import dev.policygen.json.LocatedJson;
import java.util.Set;

/**
 * Typed reads from a located config tree: {@link LocatedJson}'s, plus what only a config accepts
 * (strings stripped of surrounding white space, whole numbers that may be quoted). Every failure is
 * an {@link InputException} at the value (or key) it is about, so a config error always names file,
 * line and column.
 */
final class ConfigTree {
    private final LocatedJson json;

    ConfigTree(String source) {
        this.json = new LocatedJson(source);
    }

    /** The config's name in messages: its path, or LETSENCRYPT_AWS_CONFIG. */
    String source() {
        return json.source();
    }

    InputException error(SourcePosition position, String message) {
        return json.error(position, message);
    }

    /** The node as an object with only the allowed keys, each at most once; typos fail loudly. */
    JsonObject object(JsonNode node, String what, Set<String> allowed) throws InputException {
        return json.object(node, what, allowed);
    }

    JsonArray array(JsonNode node, String what) throws InputException {
        return json.array(node, what);
    }

    /** A non-empty string, stripped: YAML block scalars and hand edits leave white space around values. */
    String string(JsonNode node, String what) throws InputException {
        return json.nonBlankString(node, what).strip();
    }

    /** An integer in [min, max]; a quoted number is accepted since letsencrypt-aws's schema shows one. */
    int integer(JsonNode node, String what, int min, int max) throws InputException {
        String text;
        if (node instanceof JsonNumber number) {
            text = number.text();
        } else if (node instanceof JsonString string) {
            text = string.value().strip();
        } else {
            throw error(node.position(), what + " must be a whole number, not " + LocatedJson.described(node));
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
        return json.required(object, key, what);
    }
}
