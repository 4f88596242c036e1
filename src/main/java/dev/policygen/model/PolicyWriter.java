package dev.policygen.model;

import dev.policygen.SourcePosition;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one canonical policy writer: keys in a fixed order (Version, Id, Statement; Sid, Effect,
 * Action, Resource, Condition), values sorted and de-duplicated where IAM gives order no meaning,
 * statements kept in their order. Every format policygen emits goes through {@link #canonical}.
 */
public final class PolicyWriter {
    private static final SourcePosition NOWHERE = SourcePosition.UNKNOWN;
    // comparators as classes, not lambdas: the generate path must not pay for invokedynamic bootstrap
    private static final Comparator<ConditionEntry> BY_KEY = new Comparator<>() {
        @Override
        public int compare(ConditionEntry a, ConditionEntry b) {
            return a.key().compareTo(b.key());
        }
    };
    private static final Comparator<ConditionBlock> BY_OPERATOR = new Comparator<>() {
        @Override
        public int compare(ConditionBlock a, ConditionBlock b) {
            return a.operator().json().compareTo(b.operator().json());
        }
    };

    private PolicyWriter() {
    }

    public static String pretty(PolicyDocument document) {
        return JsonWriter.pretty(toJson(document));
    }

    public static String minified(PolicyDocument document) {
        return JsonWriter.minified(toJson(document));
    }

    /** Characters of the minified form: what IAM counts against its size quotas. */
    public static int size(PolicyDocument document) {
        return minified(document).length();
    }

    /** The document with values sorted and de-duplicated and condition blocks and keys in order. */
    public static PolicyDocument canonical(PolicyDocument document) {
        List<Statement> statements = new ArrayList<>();
        for (Statement s : document.statements()) {
            List<ConditionBlock> blocks = new ArrayList<>();
            for (ConditionBlock block : s.conditions()) {
                List<ConditionEntry> entries = new ArrayList<>();
                for (ConditionEntry entry : block.entries()) {
                    entries.add(new ConditionEntry(entry.key(), entry.values().canonical(), entry.keyPosition()));
                }
                entries.sort(BY_KEY);
                blocks.add(new ConditionBlock(block.operator(), entries, block.position()));
            }
            blocks.sort(BY_OPERATOR);
            statements.add(new Statement(s.sid(), s.effect(), s.notAction(), s.actions().canonical(),
                    s.notResource(), s.resources().canonical(), blocks, s.position()));
        }
        return new PolicyDocument(document.version(), document.id(), statements, document.scalarStatement(),
                document.position());
    }

    public static JsonNode toJson(PolicyDocument document) {
        PolicyDocument canonical = canonical(document);
        List<JsonNode.Member> members = new ArrayList<>();
        if (canonical.version().isPresent()) {
            members.add(member("Version", string(canonical.version().get())));
        }
        if (canonical.id().isPresent()) {
            members.add(member("Id", string(canonical.id().get())));
        }
        List<JsonNode> statements = new ArrayList<>();
        for (Statement s : canonical.statements()) {
            statements.add(statement(s));
        }
        members.add(member("Statement", canonical.scalarStatement()
                ? statements.get(0) : new JsonNode.JsonArray(statements, NOWHERE)));
        return new JsonNode.JsonObject(members, NOWHERE);
    }

    private static JsonNode statement(Statement s) {
        List<JsonNode.Member> members = new ArrayList<>();
        if (s.sid().isPresent()) {
            members.add(member("Sid", string(s.sid().get())));
        }
        members.add(member("Effect", string(s.effect().json())));
        members.add(member(s.notAction() ? "NotAction" : "Action", values(s.actions())));
        members.add(member(s.notResource() ? "NotResource" : "Resource", values(s.resources())));
        if (!s.conditions().isEmpty()) {
            List<JsonNode.Member> blocks = new ArrayList<>();
            for (ConditionBlock block : s.conditions()) {
                List<JsonNode.Member> entries = new ArrayList<>();
                for (ConditionEntry e : block.entries()) {
                    entries.add(member(e.key(), values(e.values())));
                }
                blocks.add(member(block.operator().json(), new JsonNode.JsonObject(entries, NOWHERE)));
            }
            members.add(member("Condition", new JsonNode.JsonObject(blocks, NOWHERE)));
        }
        return new JsonNode.JsonObject(members, NOWHERE);
    }

    private static JsonNode values(ValueList list) {
        if (list.scalar()) {
            return value(list.values().get(0));
        }
        List<JsonNode> elements = new ArrayList<>();
        for (PolicyValue v : list.values()) {
            elements.add(value(v));
        }
        return new JsonNode.JsonArray(elements, NOWHERE);
    }

    private static JsonNode value(PolicyValue value) {
        switch (value.type()) {
            case NUMBER:
                return new JsonNode.JsonNumber(value.text(), NOWHERE);
            case BOOLEAN:
                return new JsonNode.JsonBoolean(Boolean.parseBoolean(value.text()), NOWHERE);
            default:
                return string(value.text());
        }
    }

    private static JsonNode.Member member(String key, JsonNode value) {
        return new JsonNode.Member(key, NOWHERE, value);
    }

    private static JsonNode string(String text) {
        return new JsonNode.JsonString(text, NOWHERE);
    }
}
