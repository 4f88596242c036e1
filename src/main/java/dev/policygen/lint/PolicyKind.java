package dev.policygen.lint;

import dev.policygen.json.JsonNode;
import dev.policygen.route53.StsNames;
import java.util.List;

/**
 * What a policy document is for, which decides the rules that judge it. An identity policy is
 * attached to a user, group or role and has no Principal; a role's trust policy (its
 * AssumeRolePolicyDocument) names who may assume the role. IAM rejects Principal in the first and
 * requires it in the second, and the Route 53 rules mean nothing for the second.
 */
public enum PolicyKind {
    IDENTITY("identity policy"),
    TRUST("trust policy");

    private final String label;

    PolicyKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The kind of a document found on its own (a policy file, not a field whose name says it): a trust
     * policy when some statement names a Principal (or NotPrincipal) and an {@code sts:AssumeRole*}
     * action, an identity policy otherwise, so a stray Principal in an identity policy stays PG106's.
     */
    public static PolicyKind of(JsonNode root) {
        if (!(root instanceof JsonNode.JsonObject document)) {
            return IDENTITY;
        }
        JsonNode statements = document.get("Statement").orElse(null);
        List<JsonNode> list = statements instanceof JsonNode.JsonArray array ? array.elements()
                : statements == null ? List.of() : List.of(statements);
        for (JsonNode node : list) {
            if (node instanceof JsonNode.JsonObject statement && isTrustStatement(new StatementView(statement))) {
                return TRUST;
            }
        }
        return IDENTITY;
    }

    private static boolean isTrustStatement(StatementView statement) {
        boolean principal = statement.member("Principal").isPresent() || statement.member("NotPrincipal").isPresent();
        return principal && statement.strings("Action").stream()
                .anyMatch(a -> StsNames.ASSUME_ROLE_ACTIONS.stream().anyMatch(x -> Route53Facts.actionMatches(a.text(), x)));
    }
}
