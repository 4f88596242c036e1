package dev.policygen.identity;

import dev.policygen.SourcePosition;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonNode.JsonArray;
import dev.policygen.json.JsonNode.JsonObject;
import dev.policygen.json.JsonNode.JsonString;
import dev.policygen.json.JsonNode.Member;
import dev.policygen.json.JsonWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A role's trust policy: the document {@code aws iam create-role --assume-role-policy-document} takes.
 * Kept as its own small model rather than the permission policy's: a trust statement has a
 * {@code Principal} and no {@code Resource}. Every form (JSON, Terraform, CloudFormation) is written from
 * this, so all grant the same.
 */
public record TrustPolicy(List<Statement> statements) {
    public static final String VERSION = "2012-10-17";
    /** IAM's default quota for a role trust policy, in characters, whitespace not counted (S1). */
    public static final int DEFAULT_SIZE_QUOTA = 2048;

    public TrustPolicy {
        statements = List.copyOf(statements);
    }

    /** One Allow statement; {@code principals} of one type, conditions in the order written. */
    public record Statement(String sid, String principalType, List<String> principals, List<String> actions,
            List<Condition> conditions) {
        public Statement {
            principals = List.copyOf(principals);
            actions = List.copyOf(actions);
            conditions = List.copyOf(conditions);
        }
    }

    /** One condition key with one value, and why it is there (for {@code --explain}). */
    public record Condition(String operator, String key, String value, String why, String source) {
    }

    /** The document as JSON; one-element lists are written as lists, like the permission policies. */
    public JsonNode json() {
        List<JsonNode> written = new ArrayList<>();
        for (Statement s : statements) {
            List<Member> members = new ArrayList<>();
            members.add(member("Sid", string(s.sid())));
            members.add(member("Effect", string("Allow")));
            members.add(member("Principal", object(List.of(member(s.principalType(), strings(s.principals()))))));
            members.add(member("Action", strings(s.actions())));
            if (!s.conditions().isEmpty()) {
                Map<String, List<Member>> byOperator = new LinkedHashMap<>();
                for (Condition c : s.conditions()) {
                    byOperator.computeIfAbsent(c.operator(), k -> new ArrayList<>())
                            .add(member(c.key(), strings(List.of(c.value()))));
                }
                List<Member> blocks = new ArrayList<>();
                byOperator.forEach((operator, entries) -> blocks.add(member(operator, object(entries))));
                members.add(member("Condition", object(blocks)));
            }
            written.add(object(members));
        }
        return object(List.of(member("Version", string(VERSION)),
                member("Statement", new JsonArray(written, SourcePosition.UNKNOWN))));
    }

    public String pretty() {
        return JsonWriter.pretty(json());
    }

    public String minified() {
        return JsonWriter.minified(json());
    }

    /** The size IAM counts against the trust policy quota: characters other than whitespace. */
    public int quotaSize() {
        String text = minified();
        int size = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                size++;
            }
        }
        return size;
    }

    private static Member member(String key, JsonNode value) {
        return new Member(key, SourcePosition.UNKNOWN, value);
    }

    private static JsonNode string(String value) {
        return new JsonString(value, SourcePosition.UNKNOWN);
    }

    private static JsonNode object(List<Member> members) {
        return new JsonObject(members, SourcePosition.UNKNOWN);
    }

    private static JsonNode strings(List<String> values) {
        List<JsonNode> nodes = new ArrayList<>();
        for (String value : values) {
            nodes.add(string(value));
        }
        return new JsonArray(nodes, SourcePosition.UNKNOWN);
    }
}
