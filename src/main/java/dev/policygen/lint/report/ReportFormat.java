package dev.policygen.lint.report;

import dev.policygen.UsageException;
import dev.policygen.lint.Finding;
import dev.policygen.lint.Suppressions.SuppressedFinding;
import java.util.List;
import java.util.Locale;

/** The ways lint can print its findings. */
public enum ReportFormat {
    TEXT {
        @Override
        public String render(List<Finding> findings, List<SuppressedFinding> suppressed) {
            return TextReport.render(findings, suppressed);
        }
    },
    JSON {
        @Override
        public String render(List<Finding> findings, List<SuppressedFinding> suppressed) {
            return JsonReport.render(findings, suppressed);
        }
    },
    SARIF {
        @Override
        public String render(List<Finding> findings, List<SuppressedFinding> suppressed) {
            return SarifReport.render(findings, suppressed);
        }
    };

    public String render(List<Finding> findings) {
        return render(findings, List.of());
    }

    /**
     * {@code suppressed}: findings a config's suppression silenced, listed with its reason in every format
     * (SARIF as SARIF 2.1.0's suppressions), never counted for --fail-on.
     */
    public abstract String render(List<Finding> findings, List<SuppressedFinding> suppressed);

    public static ReportFormat parse(String text) throws UsageException {
        for (ReportFormat format : values()) {
            if (format.name().toLowerCase(Locale.ROOT).equals(text)) {
                return format;
            }
        }
        throw new UsageException(text, "unknown format \"" + text + "\"; use text, json or sarif");
    }
}
