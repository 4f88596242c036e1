package dev.policygen.eval.chain;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.eval.CompiledPolicy;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.model.PolicyReader;
import dev.policygen.route53.Arn;
import dev.policygen.route53.AwsSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a role's trust policy (its resource-based policy for {@code sts:AssumeRole*}) into the one
 * evaluator. A trust statement has a Principal and no Resource (the role is the resource), so each
 * statement is rewritten before compiling: its Principal becomes the condition
 * {@code ForAnyValue:StringEquals policygen:Principal [...]} over the caller's identifiers (see
 * {@link #identifiers}) and Resource becomes {@code *}. Explanations then name the Principal mismatch
 * like any other condition, and statement indices stay those of the file.
 *
 * <p>It compiles a trust policy someone wrote (simulate's {@code --trust-policy}, a linted role); the
 * trust policy generate writes is {@link dev.policygen.identity.TrustPolicy}, a model, not this.
 */
public final class TrustPolicyCompiler {
    /** The synthetic request key holding the caller's identifiers; not an AWS key. */
    public static final String PRINCIPAL_KEY = "policygen:Principal";
    private static final String OPERATOR = "ForAnyValue:StringEquals";

    private TrustPolicyCompiler() {
    }

    public static CompiledPolicy compile(String text, String source, int index) throws InputException {
        return compile(JsonReader.read(text, source), source, index);
    }

    /** A trust policy already read, such as one lint found in a file; positions stay the file's. */
    public static CompiledPolicy compile(JsonNode root, String source, int index) throws InputException {
        if (!(root instanceof JsonNode.JsonObject document)) {
            throw new InputException(source, root.position(), "a trust policy must be a JSON object");
        }
        return CompiledPolicy.compile(PolicyReader.fromJson(
                StatementRewrite.toEach(document, statement -> rewrite(statement, source)), source), index, source);
    }

    /**
     * What a Principal element may name for this caller: its ARN and its account (as the root ARN).
     * An account id written alone in a trust policy means the same root ARN (UG
     * reference_policies_elements_principal). A role session ({@code callerArn}
     * {@code arn:P:sts::A:assumed-role/NAME/SESSION}) is also its role, {@code principalArn}: the role's ARN
     * with its path, which the session ARN does not carry (see {@link Caller#sessionRole}).
     */
    public static List<String> identifiers(String callerArn, String principalArn) {
        if (!principalArn.equals(callerArn)) {
            // a principal naming the role matches each of its sessions; the session ARN matches itself
            Arn arn = Arn.parse(principalArn);
            return List.of(callerArn, principalArn, "arn:" + arn.partition() + ":iam::" + arn.account() + ":root");
        }
        Arn arn = Arn.parse(callerArn);
        if (arn != null && arn.service().equals("iam") && AwsSyntax.isAccountId(arn.account())) {
            return List.of(callerArn, "arn:" + arn.partition() + ":iam::" + arn.account() + ":root");
        }
        return List.of(callerArn);
    }

    /**
     * The role ARN of a role session's ARN ({@code arn:P:sts::A:assumed-role/NAME/SESSION} gives
     * {@code arn:P:iam::A:role/NAME}); empty for any other ARN.
     */
    static Optional<String> roleOfSession(String callerArn) {
        Arn arn = Arn.parse(callerArn);
        if (arn == null || !arn.service().equals("sts") || !AwsSyntax.isAccountId(arn.account())
                || !arn.resource().startsWith("assumed-role/")) {
            return Optional.empty();
        }
        String rest = arn.resource().substring("assumed-role/".length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || slash == rest.length() - 1) {
            return Optional.empty();
        }
        return Optional.of("arn:" + arn.partition() + ":iam::" + arn.account() + ":role/" + rest.substring(0, slash));
    }

    private static JsonNode rewrite(JsonNode node, String source) throws InputException {
        if (!(node instanceof JsonNode.JsonObject statement)) {
            throw new InputException(source, node.position(), "a trust policy statement must be a JSON object");
        }
        if (statement.member("NotPrincipal").isPresent()) {
            throw new InputException(source, statement.member("NotPrincipal").get().keyPosition(),
                    "NotPrincipal is not supported in a trust policy; name the principals with Principal");
        }
        JsonNode.Member principal = statement.member("Principal").orElseThrow(() -> new InputException(source,
                statement.position(), "trust policy statement has no Principal"));
        List<String> named = principals(principal.value(), source);
        List<JsonNode.Member> members = new ArrayList<>();
        boolean conditionSeen = false;
        for (JsonNode.Member member : statement.members()) {
            if (member.key().equals("Principal")) {
                continue;
            }
            if (member.key().equals("Condition") && named != null) {
                members.add(new JsonNode.Member("Condition", member.keyPosition(),
                        withPrincipal(member.value(), named, source)));
                conditionSeen = true;
                continue;
            }
            members.add(member);
        }
        if (!conditionSeen && named != null) {
            members.add(new JsonNode.Member("Condition", principal.keyPosition(),
                    withPrincipal(new JsonNode.JsonObject(List.of(), principal.keyPosition()), named, source)));
        }
        if (statement.member("Resource").isEmpty() && statement.member("NotResource").isEmpty()) {
            members.add(new JsonNode.Member("Resource", principal.keyPosition(),
                    new JsonNode.JsonString("*", principal.keyPosition())));
        }
        return new JsonNode.JsonObject(members, statement.position());
    }

    /** The principal identifiers named, or null for everyone ({@code "*"} or {@code {"AWS": "*"}}). */
    private static List<String> principals(JsonNode value, String source) throws InputException {
        if (value instanceof JsonNode.JsonString text && text.value().equals("*")) {
            return null;
        }
        if (!(value instanceof JsonNode.JsonObject object)) {
            throw new InputException(source, value.position(),
                    "Principal must be \"*\" or an object such as {\"AWS\": ARN}, not " + value.typeName());
        }
        List<String> named = new ArrayList<>();
        for (JsonNode.Member member : object.members()) {
            List<JsonNode> values = member.value() instanceof JsonNode.JsonArray array ? array.elements()
                    : List.of(member.value());
            for (JsonNode one : values) {
                if (!(one instanceof JsonNode.JsonString text)) {
                    throw new InputException(source, one.position(), "Principal " + member.key() + " must be strings");
                }
                if (member.key().equals("AWS") && text.value().equals("*")) {
                    return null;
                }
                named.add(normalise(member.key(), text.value()));
            }
        }
        return named;
    }

    private static String normalise(String type, String value) {
        if (type.equals("AWS") && AwsSyntax.isAccountId(value)) {
            return "arn:aws:iam::" + value + ":root";
        }
        return type.equals("Service") ? value.toLowerCase(Locale.ROOT) : value;
    }

    private static JsonNode withPrincipal(JsonNode condition, List<String> named, String source) throws InputException {
        if (!(condition instanceof JsonNode.JsonObject object)) {
            throw new InputException(source, condition.position(), "Condition must be an object");
        }
        SourcePosition at = object.position();
        List<JsonNode> values = new ArrayList<>();
        named.forEach(n -> values.add(new JsonNode.JsonString(n, at)));
        JsonNode.Member entry = new JsonNode.Member(PRINCIPAL_KEY, at, new JsonNode.JsonArray(values, at));
        List<JsonNode.Member> blocks = new ArrayList<>();
        boolean merged = false;
        for (JsonNode.Member block : object.members()) {
            if (block.key().equals(OPERATOR) && block.value() instanceof JsonNode.JsonObject entries) {
                List<JsonNode.Member> more = new ArrayList<>(entries.members());
                more.add(entry);
                blocks.add(new JsonNode.Member(OPERATOR, block.keyPosition(), new JsonNode.JsonObject(more, entries.position())));
                merged = true;
            } else {
                blocks.add(block);
            }
        }
        if (!merged) {
            blocks.add(new JsonNode.Member(OPERATOR, at, new JsonNode.JsonObject(List.of(entry), at)));
        }
        return new JsonNode.JsonObject(blocks, at);
    }
}
