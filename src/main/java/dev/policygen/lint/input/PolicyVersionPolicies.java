package dev.policygen.lint.input;

import dev.policygen.json.JsonNode;
import dev.policygen.lint.LintOptions;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.SyntaxProblem;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * {@code aws iam get-policy-version} output. The AWS CLI decodes PolicyVersion.Document into an
 * object; the raw API (and some SDKs) return it as a URL-encoded JSON string.
 */
final class PolicyVersionPolicies {
    private static final String ORIGIN = "PolicyVersion.Document";

    private PolicyVersionPolicies() {
    }

    static boolean recognizes(JsonNode.JsonObject root) {
        return CloudFormationPolicies.field(root, "PolicyVersion").flatMap(v -> CloudFormationPolicies.field(v, "Document"))
                .isPresent();
    }

    static void extract(String file, JsonNode.JsonObject root, LintOptions options, List<LintedPolicy> out) {
        JsonNode document = CloudFormationPolicies.field(root, "PolicyVersion")
                .flatMap(v -> CloudFormationPolicies.field(v, "Document")).orElseThrow();
        if (!(document instanceof JsonNode.JsonString s)) {
            out.add(LintedPolicy.parsed(file, "", document, options));
            return;
        }
        Optional<String> json = decode(s.value());
        if (json.isEmpty()) {
            out.add(LintedPolicy.unparsable(file, ORIGIN, new SyntaxProblem(s.position(),
                    "PolicyVersion.Document is neither JSON nor URL-encoded JSON"), options));
            return;
        }
        out.add(EmbeddedPolicies.parse(file, ORIGIN, json.get(), s.position(), options));
    }

    private static Optional<String> decode(String text) {
        if (text.strip().startsWith("{")) {
            return Optional.of(text);
        }
        try {
            return Optional.of(URLDecoder.decode(text, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
