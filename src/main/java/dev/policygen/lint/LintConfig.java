package dev.policygen.lint;

import dev.policygen.InputException;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A lint configuration file: {@code {"ignore": ["PG204"], "failOn": "warning"}}. Strict, so a
 * misspelt key or rule id is an error rather than a silently ignored setting.
 */
public record LintConfig(Set<String> ignore, Optional<String> failOn) {
    public static final LintConfig NONE = new LintConfig(Set.of(), Optional.empty());

    /** {@code ruleIds}: every rule id there is, so that a misspelt one in "ignore" is refused. */
    public static LintConfig read(String text, String source, Collection<String> ruleIds) throws InputException {
        JsonNode root = JsonReader.read(text, source);
        if (!(root instanceof JsonNode.JsonObject object)) {
            throw new InputException(source, root.position(), "a lint config must be a JSON object");
        }
        Set<String> ignore = new LinkedHashSet<>();
        Optional<String> failOn = Optional.empty();
        for (JsonNode.Member member : object.members()) {
            switch (member.key()) {
                case "ignore":
                    if (!(member.value() instanceof JsonNode.JsonArray ids)) {
                        throw new InputException(source, member.value().position(), "\"ignore\" must be an array of rule ids");
                    }
                    for (JsonNode id : ids.elements()) {
                        if (!(id instanceof JsonNode.JsonString s) || !ruleIds.contains(s.value())) {
                            throw new InputException(source, id.position(), "unknown rule id in \"ignore\"; ids look"
                                    + " like PG201 (see docs/rules/)");
                        }
                        ignore.add(s.value());
                    }
                    break;
                case "failOn":
                    if (!(member.value() instanceof JsonNode.JsonString s)) {
                        throw new InputException(source, member.value().position(), "\"failOn\" must be a string");
                    }
                    failOn = Optional.of(s.value());
                    break;
                default:
                    throw new InputException(source, member.keyPosition(), "unknown key \"" + member.key()
                            + "\"; a lint config has \"ignore\" and \"failOn\"");
            }
        }
        return new LintConfig(ignore, failOn);
    }
}
