package dev.policygen.validate;

import dev.policygen.SourcePosition;
import dev.policygen.aws.AnalyzerFinding.PathStep;
import dev.policygen.aws.AnalyzerFinding;
import dev.policygen.json.JsonNode;
import java.util.List;
import java.util.Optional;

/** Where in the input file an Access Analyzer location is. */
final class FindingPlacement {
    private FindingPlacement() {
    }

    /**
     * For a policy sent verbatim, the span start is a place in the file already (its column is 0-based,
     * ours 1-based). Otherwise the path is followed through the parsed policy, whose nodes know their
     * place in the file, as far as it leads.
     */
    static SourcePosition position(SubmittedPolicy policy, List<AnalyzerFinding.Location> locations) {
        if (locations.isEmpty()) {
            return policy.root().position();
        }
        AnalyzerFinding.Location location = locations.get(0);
        Optional<AnalyzerFinding.TextPoint> start = location.start();
        if (policy.verbatim() && start.isPresent() && start.get().line() >= 1) {
            return new SourcePosition(start.get().line(), start.get().column() + 1);
        }
        return follow(policy.root(), location.path());
    }

    /** The position of the node the path leads to, or of the last node it reached. */
    static SourcePosition follow(JsonNode root, List<PathStep> path) {
        JsonNode node = root;
        for (PathStep step : path) {
            if (step instanceof PathStep.Value value && node instanceof JsonNode.JsonObject object
                    && object.get(value.name()).isPresent()) {
                node = object.get(value.name()).get();
            } else if (step instanceof PathStep.Key key && node instanceof JsonNode.JsonObject object
                    && object.member(key.name()).isPresent()) {
                return object.member(key.name()).get().keyPosition();
            } else if (step instanceof PathStep.Index index && node instanceof JsonNode.JsonArray array
                    && index.index() >= 0 && index.index() < array.elements().size()) {
                node = array.elements().get(index.index());
            } else if (step instanceof PathStep.Index index && node instanceof JsonNode.JsonObject
                    && index.index() == 0) {
                // "Statement": {...} is a one-statement list to IAM; Access Analyzer still says index 0
                continue;
            } else {
                break;
            }
        }
        return node.position();
    }

    /** The position of statement {@code index} of the policy, or of the policy when there is none. */
    static SourcePosition statement(JsonNode root, int index) {
        return follow(root, List.of(new PathStep.Value("Statement"), new PathStep.Index(index)));
    }
}
