package dev.policygen.eval.chain;

import dev.policygen.InputException;
import dev.policygen.json.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One statement of a resource-side policy (a trust policy, an RCP) rewritten into what the identity-policy
 * reader takes, applied by {@link #toEach} to every statement of a document, a single statement object or an
 * array alike; every other member of the document is kept as it is, positions included.
 */
@FunctionalInterface
interface StatementRewrite {
    JsonNode rewrite(JsonNode statement) throws InputException;

    /** The document with each statement rewritten; the Statement array keeps the file's order and position. */
    static JsonNode.JsonObject toEach(JsonNode.JsonObject document, StatementRewrite rewrite) throws InputException {
        List<JsonNode.Member> members = new ArrayList<>();
        for (JsonNode.Member member : document.members()) {
            if (!member.key().equals("Statement")) {
                members.add(member);
                continue;
            }
            List<JsonNode> statements = new ArrayList<>();
            if (member.value() instanceof JsonNode.JsonArray array) {
                for (JsonNode element : array.elements()) {
                    statements.add(rewrite.rewrite(element));
                }
            } else {
                statements.add(rewrite.rewrite(member.value()));
            }
            members.add(new JsonNode.Member("Statement", member.keyPosition(),
                    new JsonNode.JsonArray(statements, member.value().position())));
        }
        return new JsonNode.JsonObject(members, document.position());
    }
}
