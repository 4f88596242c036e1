package dev.policygen.observe;

import dev.policygen.json.JsonNode.JsonArray;
import dev.policygen.json.JsonNode.JsonNumber;
import dev.policygen.json.JsonNode.JsonObject;
import dev.policygen.json.JsonNode.JsonString;
import dev.policygen.json.JsonNode;
import dev.policygen.route53.Route53Names;
import dev.policygen.route53.StsNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One AWS call the observed command made, as the sandbox's call log recorded it: the IAM action and
 * resource (null when the request never got that far, e.g. a bad signature), the record names,
 * types and change actions of a ChangeResourceRecordSets, the decision and the statements that
 * made it, the HTTP status and AWS error code of the answer, and who made it: the identity that
 * signed ({@code aws:PrincipalArn}, the role ARN for a role session) and the single-valued keys of
 * the request's context (for an STS call {@code sts:ExternalId} or a token's {@code HOST:sub}), which
 * the derived trust policy needs.
 *
 * @param decision allowed, explicit-deny, implicit-deny, allowed-without-policy, forwarded, or null
 * @param principalArn null for an unsigned call (AssumeRoleWithWebIdentity) or one never authorized
 */
public record ObservedCall(String time, String action, String resource, List<String> names, List<String> types,
        List<String> changeActions, String decision, List<String> decidingStatements, int status, String error,
        String principalArn, java.util.Map<String, String> context) {


    public ObservedCall {
        names = List.copyOf(names);
        types = List.copyOf(types);
        changeActions = List.copyOf(changeActions);
        decidingStatements = List.copyOf(decidingStatements);
        context = java.util.Map.copyOf(context);
    }

    /** Denied by the policies given to the sandbox, or, in forward mode, by AWS. */
    public boolean denied() {
        if ("explicit-deny".equals(decision) || "implicit-deny".equals(decision)) {
            return true;
        }
        return "forwarded".equals(decision) && status == 403 && error != null && error.startsWith("AccessDenied");
    }

    /** Whether IAM saw this call, so a policy can be derived for it. */
    public boolean authorizable() {
        return action != null && resource != null;
    }

    /** One line of the sandbox's call log. */
    static ObservedCall fromLogLine(JsonObject line) {
        JsonObject context = line.get("context").orElse(null) instanceof JsonObject object ? object : null;
        List<String> deciding = new ArrayList<>();
        if (line.get("decidingStatements").orElse(null) instanceof JsonArray statements) {
            for (JsonNode element : statements.elements()) {
                if (element instanceof JsonObject statement) {
                    deciding.add(statementName(statement));
                }
            }
        }
        Optional<JsonNode> status = line.get("status");
        return new ObservedCall(text(line, "time"), text(line, "action"), text(line, "resource"),
                values(context, Route53Names.KEY_NAMES), values(context, Route53Names.KEY_TYPES), values(context, Route53Names.KEY_ACTIONS),
                text(line, "decision"), deciding,
                status.isPresent() && status.get() instanceof JsonNumber number ? Integer.parseInt(number.text()) : 0,
                text(line, "error"), context == null ? null : text(context, StsNames.KEY_PRINCIPAL_ARN),
                singleValues(context));
    }

    private static java.util.Map<String, String> singleValues(JsonObject context) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        if (context != null) {
            for (JsonNode.Member member : context.members()) {
                if (member.value() instanceof JsonString string) {
                    values.put(member.key(), string.value());
                }
            }
        }
        return values;
    }

    /** A statement's Sid, or where it stands when it has none: {@code policy.json#2} (0-based). */
    private static String statementName(JsonObject statement) {
        String sid = text(statement, "sid");
        if (sid != null) {
            return sid;
        }
        JsonNode index = statement.get("statementIndex").orElse(null);
        return text(statement, "policy") + "#" + (index instanceof JsonNumber number ? number.text() : "?");
    }

    private static String text(JsonObject object, String key) {
        return object.get(key).orElse(null) instanceof JsonString string ? string.value() : null;
    }

    private static List<String> values(JsonObject context, String key) {
        List<String> values = new ArrayList<>();
        if (context != null && context.get(key).orElse(null) instanceof JsonArray array) {
            for (JsonNode element : array.elements()) {
                if (element instanceof JsonString string) {
                    values.add(string.value());
                }
            }
        }
        return values;
    }
}
