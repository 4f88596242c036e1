package dev.policygen.cli;

import dev.policygen.UsageException;
import dev.policygen.lint.Severity;
import dev.policygen.lint.report.ReportFormat;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How lint and validate print their findings and which findings make them exit 1. */
final class ReportOptions {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (file:line:col: severity ID message), json or sarif. Default: ${DEFAULT-VALUE}.")
    String format;

    /** No picocli default: lint lets its --config file say it; an option given wins over the file. */
    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit 1 when a finding is at least: error, warning, suggestion, or never. Default: error.")
    String failOn;

    ReportFormat format() throws UsageException {
        return ReportFormat.parse(format);
    }

    /** --fail-on, else {@code fallback}: a severity, or empty for never. */
    Optional<Severity> threshold(String fallback) throws UsageException {
        String text = failOn != null ? failOn : fallback;
        if (text.equals("never")) {
            return Optional.empty();
        }
        return Optional.of(Severity.parse(text).orElseThrow(() -> new UsageException(text,
                "unknown --fail-on \"" + text + "\"; use error, warning, suggestion or never")));
    }
}
