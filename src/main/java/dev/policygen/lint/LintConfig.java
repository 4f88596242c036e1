package dev.policygen.lint;

import dev.policygen.InputException;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A lint configuration file: {@code {"ignore": ["PG204"], "failOn": "warning", "suppress": [{"rule": "PG204",
 * "file": "iam/acme.json", "sid": "Acme", "reason": "..."}]}}. Strict, so a misspelt key or rule id is an
 * error rather than a silently ignored setting; a suppression without a reason is one too, since its reason is
 * what a reviewer reads.
 */
public record LintConfig(Set<String> ignore, Optional<String> failOn, List<Suppression> suppress) {
    public static final LintConfig NONE = new LintConfig(Set.of(), Optional.empty(), List.of());

    public LintConfig {
        suppress = List.copyOf(suppress);
    }

    public LintConfig(Set<String> ignore, Optional<String> failOn) {
        this(ignore, failOn, List.of());
    }

    /** {@code ruleIds}: every rule id there is, so that a misspelt one in "ignore" is refused. */
    public static LintConfig read(String text, String source, Collection<String> ruleIds) throws InputException {
        JsonNode root = JsonReader.read(text, source);
        if (!(root instanceof JsonNode.JsonObject object)) {
            throw new InputException(source, root.position(), "a lint config must be a JSON object");
        }
        Set<String> ignore = new LinkedHashSet<>();
        Optional<String> failOn = Optional.empty();
        List<Suppression> suppress = new ArrayList<>();
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
                case "suppress":
                    if (!(member.value() instanceof JsonNode.JsonArray entries)) {
                        throw new InputException(source, member.value().position(), "\"suppress\" must be an array of"
                                + " {\"rule\", \"file\", \"sid\", \"reason\"} objects");
                    }
                    for (JsonNode entry : entries.elements()) {
                        suppress.add(suppression(entry, source, ruleIds));
                    }
                    break;
                default:
                    throw new InputException(source, member.keyPosition(), "unknown key \"" + member.key()
                            + "\"; a lint config has \"ignore\", \"failOn\" and \"suppress\"");
            }
        }
        return new LintConfig(ignore, failOn, suppress);
    }

    private static Suppression suppression(JsonNode entry, String source, Collection<String> ruleIds)
            throws InputException {
        if (!(entry instanceof JsonNode.JsonObject object)) {
            throw new InputException(source, entry.position(), "a suppression must be an object with \"rule\","
                    + " \"file\" and \"reason\" (and optionally \"sid\")");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode.Member member : object.members()) {
            if (!List.of("rule", "file", "sid", "reason").contains(member.key())) {
                throw new InputException(source, member.keyPosition(), "unknown key \"" + member.key()
                        + "\" in a suppression; it has \"rule\", \"file\", \"sid\" and \"reason\"");
            }
            if (!(member.value() instanceof JsonNode.JsonString s) || s.value().isBlank()) {
                throw new InputException(source, member.value().position(), "\"" + member.key()
                        + "\" of a suppression must be a non-empty string");
            }
            values.put(member.key(), s.value());
        }
        String rule = values.get("rule");
        if (rule == null || !ruleIds.contains(rule)) {
            throw new InputException(source, object.position(), (rule == null ? "a suppression names no \"rule\""
                    : "unknown rule id \"" + rule + "\" in a suppression") + "; ids look like PG201 (see docs/rules/)");
        }
        if (!values.containsKey("file")) {
            throw new InputException(source, object.position(), "the suppression of " + rule + " names no \"file\"");
        }
        try {
            java.nio.file.Path.of(values.get("file"));
        } catch (java.nio.file.InvalidPathException e) {
            throw new InputException(source, object.position(), "the suppression of " + rule + " names a \"file\""
                    + " that is no path: " + e.getReason());
        }
        if (!values.containsKey("reason")) {
            // the written reason is the point: a silent exception is what suppressions in the repository replace
            throw new InputException(source, object.position(), "the suppression of " + rule + " in "
                    + values.get("file") + " gives no \"reason\"; say why the finding is acceptable");
        }
        return new Suppression(rule, values.get("file"), Optional.ofNullable(values.get("sid")),
                values.get("reason"), object.position());
    }
}
