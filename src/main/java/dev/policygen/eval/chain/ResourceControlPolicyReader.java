package dev.policygen.eval.chain;

import dev.policygen.InputException;
import dev.policygen.eval.CompiledPolicy;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.json.JsonWriter;
import dev.policygen.model.PolicyReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a resource control policy into the one evaluator. AWS's RCP syntax requires {@code "Principal": "*"}
 * in every statement and supports no other principal and no NotPrincipal (Organizations UG
 * orgs_manage_policies_rcps_syntax, "Principal element"): an RCP applies to every principal, and who it
 * spares is said with conditions such as {@code aws:PrincipalArn}. So {@code "*"} names no one in particular
 * and is dropped before the statement is read as the identity-policy grammar it otherwise shares; any other
 * Principal is refused with its value named. A statement without Principal is read too, as it always was
 * (the same meaning).
 */
public final class ResourceControlPolicyReader {
    private ResourceControlPolicyReader() {
    }

    public static CompiledPolicy compile(String text, String source, int index) throws InputException {
        JsonNode root = JsonReader.read(text, source);
        if (!(root instanceof JsonNode.JsonObject document)) {
            throw new InputException(source, root.position(), "a resource control policy must be a JSON object");
        }
        return CompiledPolicy.compile(PolicyReader.fromJson(
                StatementRewrite.toEach(document, statement -> withoutPrincipal(statement, source)), source), index,
                source);
    }

    /** The statement without its {@code "Principal": "*"}; anything else the policy reader judges. */
    private static JsonNode withoutPrincipal(JsonNode node, String source) throws InputException {
        if (!(node instanceof JsonNode.JsonObject statement)) {
            return node;
        }
        if (statement.member("NotPrincipal").isPresent()) {
            throw new InputException(source, statement.member("NotPrincipal").get().keyPosition(),
                    "NotPrincipal is not supported in a resource control policy; use \"Principal\": \"*\" with a"
                            + " condition on aws:PrincipalArn");
        }
        List<JsonNode.Member> members = new ArrayList<>();
        for (JsonNode.Member member : statement.members()) {
            if (!member.key().equals("Principal")) {
                members.add(member);
            } else if (!(member.value() instanceof JsonNode.JsonString text && text.value().equals("*"))) {
                throw new InputException(source, member.value().position(),
                        "a resource control policy's Principal must be \"*\", not " + JsonWriter.minified(member.value())
                                + "; name the principals it spares with a condition on aws:PrincipalArn");
            }
        }
        return new JsonNode.JsonObject(members, statement.position());
    }
}
