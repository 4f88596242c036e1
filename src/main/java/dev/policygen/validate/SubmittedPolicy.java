package dev.policygen.validate;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonWriter;
import dev.policygen.lint.LintOptions;
import dev.policygen.lint.LintedPolicy;
import dev.policygen.lint.input.PolicyInputs;
import java.util.ArrayList;
import java.util.List;

/**
 * One policy to send to Access Analyzer, with what is needed to place its findings in the input file.
 *
 * @param document the text sent: the file itself for a bare policy file, so that Access Analyzer's line
 *     and column are the file's; otherwise the embedded policy written out as JSON
 * @param verbatim true when {@code document} is the file's own text
 * @param root the parsed policy, with positions in the input file
 */
public record SubmittedPolicy(String file, String origin, String document, boolean verbatim, JsonNode root) {

    /**
     * The policies in one input, found as lint finds them (policy JSON, get-policy-version output,
     * Terraform plans, CloudFormation templates). A policy that does not parse is bad input, not
     * something to send. Trust policies are left out: they are sent as identity policies, which
     * Access Analyzer would judge by the wrong grammar; lint's PG6xx rules judge them.
     */
    public static List<SubmittedPolicy> extract(String file, String text) throws InputException {
        List<SubmittedPolicy> policies = new ArrayList<>();
        for (LintedPolicy policy : PolicyInputs.extract(file, text, LintOptions.DEFAULT)) {
            if (policy.isTrust()) {
                continue;
            }
            if (policy.syntaxProblem().isPresent()) {
                throw new InputException(file, policy.syntaxProblem().get().position(),
                        policy.syntaxProblem().get().message());
            }
            JsonNode root = policy.root().orElseThrow();
            if (isWholeFile(text, root)) {
                policies.add(new SubmittedPolicy(file, policy.origin(), text, true, root));
            } else {
                policies.add(new SubmittedPolicy(file, policy.origin(), JsonWriter.pretty(root), false, root));
            }
        }
        return policies;
    }

    /** A JSON policy that starts where the file's first value starts is the whole file. */
    private static boolean isWholeFile(String text, JsonNode root) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
            } else if (Character.isWhitespace(c) || c == '\uFEFF') {
                column++;
            } else {
                return c == '{' && root.position().equals(new SourcePosition(line, column));
            }
        }
        return false;
    }

    /** The file name with the policy's place in it, for messages about the whole policy. */
    public String label() {
        return origin.isEmpty() ? file : file + " (" + origin + ")";
    }
}
