package dev.policygen.lint.input;

import dev.policygen.json.JsonNode;
import dev.policygen.lint.LintOptions;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.PolicyKind;
import dev.policygen.lint.SyntaxProblem;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A policy document inside an IAM API response (PolicyVersion.Document, Role.AssumeRolePolicyDocument).
 * The AWS CLI decodes it into an object; the raw API (and some SDKs and tools) give a URL-encoded JSON
 * string, which is decoded and then placed at that string like any embedded policy.
 */
final class IamApiDocuments {
    private IamApiDocuments() {
    }

    /**
     * @param origin where the document sits, named in findings on an embedded string, whose positions
     *     all point at the string
     * @param nameObject name {@code origin} in findings on an object document too (one of many in the
     *     file); an object's own positions say where it is
     */
    static LintedPolicy policy(String file, String origin, boolean nameObject, JsonNode document, LintOptions options,
            PolicyKind kind) {
        if (!(document instanceof JsonNode.JsonString s)) {
            return LintedPolicy.parsed(file, nameObject ? origin : "", document, options, kind);
        }
        Optional<String> json = decode(s.value());
        if (json.isEmpty()) {
            return LintedPolicy.unparsable(file, origin, new SyntaxProblem(s.position(),
                    origin + " is neither JSON nor URL-encoded JSON"), options, kind);
        }
        return EmbeddedPolicies.parse(file, origin, json.get(), s.position(), options, kind);
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
