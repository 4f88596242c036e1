package dev.policygen.identity;

import dev.policygen.InputException;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.json.LocatedJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads one {@code runtimes/<runtime>.json}; every problem is an {@link InputException} at its place. */
final class RuntimeReader {
    private static final Set<String> TOP_KEYS = Set.of("runtime", "title", "documentation", "requiredOptions",
            "optionalOptions", "instanceProfile", "trust", "notes");
    private static final Set<String> TRUST_KEYS = Set.of("sid", "principal", "actions", "source", "conditions");
    private static final Set<String> CONDITION_KEYS = Set.of("operator", "key", "value", "when", "why", "source");

    private final LocatedJson json;

    private RuntimeReader(String source) {
        this.json = new LocatedJson(source);
    }

    static RuntimeProfile read(String text, String source) throws InputException {
        return new RuntimeReader(source).profile(JsonReader.read(text, source));
    }

    private RuntimeProfile profile(JsonNode root) throws InputException {
        JsonNode.JsonObject object = json.object(root, "the runtime", TOP_KEYS);
        Optional<RuntimeProfile.TrustTemplate> trust = Optional.empty();
        Optional<JsonNode> trustNode = object.get("trust");
        if (trustNode.isPresent() && !(trustNode.get() instanceof JsonNode.JsonNull)) {
            trust = Optional.of(trust(json.object(trustNode.get(), "trust", TRUST_KEYS)));
        }
        boolean instanceProfile = object.get("instanceProfile").orElse(null) instanceof JsonNode.JsonBoolean b
                && b.value();
        return new RuntimeProfile(json.requiredString(object, "runtime", "runtime"),
                json.requiredString(object, "title", "title"),
                json.requiredString(object, "documentation", "documentation"),
                strings(json.optionalArray(object, "requiredOptions"), "requiredOptions"),
                strings(json.optionalArray(object, "optionalOptions"), "optionalOptions"),
                instanceProfile, trust, strings(json.optionalArray(object, "notes"), "notes"));
    }

    private RuntimeProfile.TrustTemplate trust(JsonNode.JsonObject object) throws InputException {
        JsonNode.JsonObject principal = json.object(json.required(object, "principal", "trust.principal"),
                "trust.principal", Set.of("type", "value"));
        List<RuntimeProfile.ConditionTemplate> conditions = new ArrayList<>();
        for (JsonNode node : json.optionalArray(object, "conditions")) {
            JsonNode.JsonObject c = json.object(node, "a condition", CONDITION_KEYS);
            Optional<String> when = c.get("when").isPresent()
                    ? Optional.of(json.nonBlankString(c.get("when").get(), "when")) : Optional.empty();
            conditions.add(new RuntimeProfile.ConditionTemplate(json.requiredString(c, "operator", "operator"),
                    json.requiredString(c, "key", "key"), json.requiredString(c, "value", "value"), when,
                    json.requiredString(c, "why", "why"), json.requiredString(c, "source", "source")));
        }
        return new RuntimeProfile.TrustTemplate(json.requiredString(object, "sid", "trust.sid"),
                json.requiredString(principal, "type", "trust.principal.type"),
                json.requiredString(principal, "value", "trust.principal.value"),
                strings(json.optionalArray(object, "actions"), "trust.actions"),
                json.requiredString(object, "source", "trust.source"), conditions);
    }

    private List<String> strings(List<JsonNode> nodes, String what) throws InputException {
        List<String> out = new ArrayList<>();
        for (JsonNode node : nodes) {
            out.add(json.nonBlankString(node, what));
        }
        return out;
    }
}
