package dev.policygen.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.accessanalyzer.model.Location;
import software.amazon.awssdk.services.accessanalyzer.model.PathElement;
import software.amazon.awssdk.services.accessanalyzer.model.Position;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyFinding;

/** Copies SDK response shapes into policygen's records, so no SDK type leaves this package. */
final class SdkModels {
    private SdkModels() {
    }

    static AnalyzerFinding finding(ValidatePolicyFinding finding) {
        List<AnalyzerFinding.Location> locations = new ArrayList<>();
        for (Location location : finding.locations()) {
            List<AnalyzerFinding.PathStep> path = new ArrayList<>();
            for (PathElement element : location.path()) {
                step(element).ifPresent(path::add);
            }
            Optional<AnalyzerFinding.TextPoint> start = Optional.ofNullable(location.span())
                    .map(span -> span.start())
                    .filter(p -> p.line() != null && p.column() != null)
                    .map(SdkModels::point);
            locations.add(new AnalyzerFinding.Location(path, start));
        }
        return new AnalyzerFinding(String.valueOf(finding.findingTypeAsString()), String.valueOf(finding.issueCode()),
                finding.findingDetails() == null ? "" : finding.findingDetails(),
                Optional.ofNullable(finding.learnMoreLink()), locations);
    }

    private static AnalyzerFinding.TextPoint point(Position position) {
        return new AnalyzerFinding.TextPoint(position.line(), position.column());
    }

    /** Empty for an element kind this SDK version does not know. */
    private static Optional<AnalyzerFinding.PathStep> step(PathElement element) {
        if (element.value() != null) {
            return Optional.of(new AnalyzerFinding.PathStep.Value(element.value()));
        }
        if (element.key() != null) {
            return Optional.of(new AnalyzerFinding.PathStep.Key(element.key()));
        }
        if (element.index() != null) {
            return Optional.of(new AnalyzerFinding.PathStep.Index(element.index()));
        }
        if (element.substring() != null && element.substring().start() != null
                && element.substring().length() != null) {
            return Optional.of(new AnalyzerFinding.PathStep.Substring(element.substring().start(),
                    element.substring().length()));
        }
        return Optional.empty();
    }
}
