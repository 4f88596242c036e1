package dev.policygen.eval.oracle;

import dev.policygen.eval.ContextValue;
import dev.policygen.json.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Detects, in one generated pair, the features behind the known differences. Detection is
 * deliberately narrow: a disagreement is excused only when the pair actually exercises the
 * documented behaviour.
 */
final class DifferenceFeatures {
    /** A policy variable in a policy whose Version is not 2012-10-17. */
    static final String VARIABLE_BEFORE_2012 = "variable-before-2012-10-17";
    /** ForAnyValue:...IfExists on a key that the request does not carry. */
    static final String FOR_ANY_VALUE_IF_EXISTS_ABSENT = "for-any-value-if-exists-absent-key";

    /** An IpAddress/NotIpAddress value 0.0.0.0/0, the whole IPv4 space. */
    static final String IPV4_ZERO_PREFIX = "ipv4-zero-prefix";

    /** An IpAddress/NotIpAddress value written without a prefix length, of the other IP family than the request. */
    static final String BARE_ADDRESS_OTHER_FAMILY = "bare-ip-address-other-family";

    /** A web identity caller, and a trust statement whose AWS principal is the account of its OIDC provider. */
    static final String ACCOUNT_PRINCIPAL_WEB_IDENTITY = "account-principal-for-web-identity";

    private DifferenceFeatures() {
    }

    /** Whether a trust policy names {@code account} as an AWS principal (its root ARN or the bare id). */
    static boolean namesAccountPrincipal(JsonNode trust, String account) {
        for (JsonNode statement : ((JsonNode.JsonArray) ((JsonNode.JsonObject) trust).get("Statement").orElseThrow())
                .elements()) {
            JsonNode principal = ((JsonNode.JsonObject) statement).get("Principal").orElse(null);
            if (principal instanceof JsonNode.JsonObject object && object.get("AWS").isPresent()
                    && containsMatching(object.get("AWS").get(), t -> t.equals(account)
                            || t.equals("arn:aws:iam::" + account + ":root"))) {
                return true;
            }
        }
        return false;
    }

    static List<String> of(OraclePair pair) {
        List<String> features = new ArrayList<>();
        for (JsonNode policy : pair.policies()) {
            JsonNode.JsonObject document = (JsonNode.JsonObject) policy;
            boolean v2012 = document.get("Version").map(v -> ((JsonNode.JsonString) v).value().equals("2012-10-17"))
                    .orElse(false);
            if (!v2012 && containsVariable(document)) {
                add(features, VARIABLE_BEFORE_2012);
            }
            for (JsonNode statement : ((JsonNode.JsonArray) document.get("Statement").orElseThrow()).elements()) {
                JsonNode condition = ((JsonNode.JsonObject) statement).get("Condition").orElse(null);
                if (condition instanceof JsonNode.JsonObject blocks) {
                    for (JsonNode.Member block : blocks.members()) {
                        if (block.key().contains("IpAddress") && containsText(block.value(), "0.0.0.0/0")) {
                            add(features, IPV4_ZERO_PREFIX);
                        }
                        if (block.key().contains("IpAddress") && bareAddressOfOtherFamily(pair, block.value())) {
                            add(features, BARE_ADDRESS_OTHER_FAMILY);
                        }
                        if (block.key().startsWith("ForAnyValue:") && block.key().endsWith("IfExists")) {
                            for (JsonNode.Member key : ((JsonNode.JsonObject) block.value()).members()) {
                                if (!carries(pair, key.key())) {
                                    add(features, FOR_ANY_VALUE_IF_EXISTS_ABSENT);
                                }
                            }
                        }
                    }
                }
            }
        }
        return features;
    }

    private static boolean bareAddressOfOtherFamily(OraclePair pair, JsonNode keys) {
        for (ContextValue value : pair.context()) {
            if (value.key().equalsIgnoreCase("aws:SourceIp")) {
                boolean requestV6 = value.value().contains(":");
                return containsMatching(keys, t -> !t.contains("/") && t.contains(":") != requestV6);
            }
        }
        return false;
    }

    private static boolean containsMatching(JsonNode node, java.util.function.Predicate<String> test) {
        if (node instanceof JsonNode.JsonString s) {
            return test.test(s.value());
        }
        if (node instanceof JsonNode.JsonArray a) {
            return a.elements().stream().anyMatch(e -> containsMatching(e, test));
        }
        if (node instanceof JsonNode.JsonObject o) {
            return o.members().stream().anyMatch(m -> containsMatching(m.value(), test));
        }
        return false;
    }

    private static boolean carries(OraclePair pair, String key) {
        for (ContextValue value : pair.context()) {
            if (value.key().toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsVariable(JsonNode node) {
        return containsText(node, "${");
    }

    private static boolean containsText(JsonNode node, String text) {
        return containsMatching(node, t -> t.contains(text));
    }

    private static void add(List<String> features, String feature) {
        if (!features.contains(feature)) {
            features.add(feature);
        }
    }
}
