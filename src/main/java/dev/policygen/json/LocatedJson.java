package dev.policygen.json;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.json.JsonNode.JsonArray;
import dev.policygen.json.JsonNode.JsonObject;
import dev.policygen.json.JsonNode.JsonString;
import dev.policygen.json.JsonNode.Member;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed reads from a located JSON tree of one source: every reader of a policygen input (policy
 * documents, profiles, renew configs, the journal, the sandbox's config and state) asks for an
 * object, an array or a string here, and a wrong shape fails as an {@link InputException} at the
 * value (or key) it is about, so the message is {@code file:line:col: ...} and worded alike in
 * every file: "WHAT must be an object, not an array", "WHAT needs \"KEY\"", "unknown key \"KEY\" in
 * WHAT; expected one of ...".
 */
public final class LocatedJson {
    private final String source;

    /** Reads of the tree read from {@code source} (a file name, or what stands for one in messages). */
    public LocatedJson(String source) {
        this.source = source;
    }

    public String source() {
        return source;
    }

    public InputException error(SourcePosition position, String message) {
        return new InputException(source, position, message);
    }

    public InputException error(JsonNode at, String message) {
        return error(at.position(), message);
    }

    public JsonObject object(JsonNode node, String what) throws InputException {
        if (node instanceof JsonObject object) {
            return object;
        }
        throw wrongType(node, what, "an object");
    }

    /** An object with only the allowed keys, each at most once, so a typo fails loudly instead of being ignored. */
    public JsonObject object(JsonNode node, String what, Set<String> allowed) throws InputException {
        JsonObject object = object(node, what);
        checkKeys(object, allowed, what);
        return object;
    }

    public JsonArray array(JsonNode node, String what) throws InputException {
        if (node instanceof JsonArray array) {
            return array;
        }
        throw wrongType(node, what, "an array");
    }

    public String string(JsonNode node, String what) throws InputException {
        if (node instanceof JsonString string) {
            return string.value();
        }
        throw wrongType(node, what, "a string");
    }

    /** A string with something in it besides white space; returned as written. */
    public String nonBlankString(JsonNode node, String what) throws InputException {
        String value = string(node, what);
        if (value.isBlank()) {
            throw error(node, what + " must not be empty");
        }
        return value;
    }

    /** The value of {@code key}; {@code what} names the object in the message. */
    public JsonNode required(JsonObject object, String key, String what) throws InputException {
        Optional<JsonNode> value = object.get(key);
        if (value.isEmpty()) {
            throw error(object, what + " needs \"" + key + "\"");
        }
        return value.get();
    }

    /** The string value of {@code key}; {@code what} names the object in the message. */
    public String requiredString(JsonObject object, String key, String what) throws InputException {
        return string(required(object, key, what), quoted(key));
    }

    /** The elements of the array at {@code key}; none when the key is absent. */
    public List<JsonNode> optionalArray(JsonObject object, String key) throws InputException {
        Optional<JsonNode> value = object.get(key);
        return value.isEmpty() ? List.of() : array(value.get(), quoted(key)).elements();
    }

    /** Fails at the first key not in {@code allowed}, then at the first key given twice. */
    public void checkKeys(JsonObject object, Set<String> allowed, String what) throws InputException {
        for (Member member : object.members()) {
            if (!allowed.contains(member.key())) {
                throw error(member.keyPosition(), "unknown key \"" + member.key() + "\" in " + what
                        + "; expected one of " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
        checkNoDuplicateKeys(object, what);
    }

    /** Fails at the first key given twice: a map would silently keep one of the values. */
    public void checkNoDuplicateKeys(JsonObject object, String what) throws InputException {
        List<Member> duplicates = object.duplicateMembers();
        if (!duplicates.isEmpty()) {
            Member duplicate = duplicates.get(0);
            throw error(duplicate.keyPosition(), "duplicate key \"" + duplicate.key() + "\" in " + what);
        }
    }

    /** {@code "key"}, the way messages name a key. */
    public static String quoted(String key) {
        return "\"" + key + "\"";
    }

    /** The node's type with its article: "an object", "a string". */
    public static String described(JsonNode node) {
        String type = node.typeName();
        return (type.startsWith("a") || type.startsWith("o") ? "an " : "a ") + type;
    }

    private InputException wrongType(JsonNode node, String what, String expected) {
        return error(node, what + " must be " + expected + ", not " + described(node));
    }
}
