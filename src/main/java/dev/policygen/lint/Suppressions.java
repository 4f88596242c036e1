package dev.policygen.lint;

import dev.policygen.SourcePosition;
import dev.policygen.json.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Applies a config's suppressions to the findings of one run. A finding is in a statement when that statement
 * holds a value or key at the finding's position; a policy embedded as a JSON string (a Terraform plan's) has
 * every position on the string, so there no statement is known and only a suppression without a Sid applies.
 */
public final class Suppressions {
    private Suppressions() {
    }

    /** A finding and the suppression that silenced it. */
    public record SuppressedFinding(Finding finding, Suppression by) {
    }

    /**
     * What the run reports: {@code active} findings count for --fail-on, {@code suppressed} ones are listed
     * with their reason, and {@code unmatched} suppressions silenced nothing in a file this run linted (or name
     * a file that does not exist): stale ones, which the caller refuses.
     */
    public record Outcome(List<Finding> active, List<SuppressedFinding> suppressed, List<Suppression> unmatched) {
    }

    /**
     * {@code lintedFiles}: the files this run read, as given; a suppression for another file is not judged,
     * since the pre-commit hook lints only the staged ones. {@code ignoredRules}: rules that did not run, whose
     * suppressions are not judged either.
     */
    public static Outcome apply(List<Suppression> suppressions, List<Finding> findings, List<LintedPolicy> policies,
            Collection<String> lintedFiles, Collection<String> ignoredRules) {
        List<Finding> active = new ArrayList<>();
        List<SuppressedFinding> suppressed = new ArrayList<>();
        List<Suppression> used = new ArrayList<>();
        for (Finding finding : findings) {
            Optional<Suppression> by = suppressions.stream().filter(s -> matches(s, finding, policies)).findFirst();
            if (by.isPresent()) {
                suppressed.add(new SuppressedFinding(finding, by.get()));
                used.add(by.get());
            } else {
                active.add(finding);
            }
        }
        List<Suppression> unmatched = new ArrayList<>();
        for (Suppression suppression : suppressions) {
            boolean judged = !ignoredRules.contains(suppression.rule())
                    && (lintedFiles.stream().anyMatch(suppression::names) || !Files.exists(Path.of(suppression.file())));
            if (judged && !used.contains(suppression)) {
                unmatched.add(suppression);
            }
        }
        return new Outcome(active, suppressed, unmatched);
    }

    private static boolean matches(Suppression suppression, Finding finding, List<LintedPolicy> policies) {
        if (!suppression.rule().equals(finding.ruleId()) || !suppression.names(finding.file())) {
            return false;
        }
        return suppression.sid().isEmpty() || statementSid(finding, policies).equals(suppression.sid());
    }

    /** The Sid of the one statement holding the finding's position, if exactly one does and it has a Sid. */
    static Optional<String> statementSid(Finding finding, List<LintedPolicy> policies) {
        List<StatementView> holding = new ArrayList<>();
        for (LintedPolicy policy : policies) {
            if (!policy.file().equals(finding.file())) {
                continue;
            }
            for (StatementView statement : policy.statements()) {
                if (holds(statement.object(), finding.position())) {
                    holding.add(statement);
                }
            }
        }
        if (holding.size() != 1) {
            return Optional.empty();
        }
        return holding.get(0).object().get("Sid").filter(JsonNode.JsonString.class::isInstance)
                .map(n -> ((JsonNode.JsonString) n).value());
    }

    private static boolean holds(JsonNode node, SourcePosition position) {
        if (node.position().equals(position)) {
            return true;
        }
        if (node instanceof JsonNode.JsonObject object) {
            for (JsonNode.Member member : object.members()) {
                if (member.keyPosition().equals(position) || holds(member.value(), position)) {
                    return true;
                }
            }
        } else if (node instanceof JsonNode.JsonArray array) {
            for (JsonNode element : array.elements()) {
                if (holds(element, position)) {
                    return true;
                }
            }
        }
        return false;
    }
}
