package dev.policygen.lint.report;

import dev.policygen.UsageException;
import dev.policygen.lint.Finding;
import java.util.List;
import java.util.Locale;

/** The ways lint can print its findings. */
public enum ReportFormat {
    TEXT {
        @Override
        public String render(List<Finding> findings) {
            return TextReport.render(findings);
        }
    },
    JSON {
        @Override
        public String render(List<Finding> findings) {
            return JsonReport.render(findings);
        }
    },
    SARIF {
        @Override
        public String render(List<Finding> findings) {
            return SarifReport.render(findings);
        }
    };

    public abstract String render(List<Finding> findings);

    public static ReportFormat parse(String text) throws UsageException {
        for (ReportFormat format : values()) {
            if (format.name().toLowerCase(Locale.ROOT).equals(text)) {
                return format;
            }
        }
        throw new UsageException(text, "unknown format \"" + text + "\"; use text, json or sarif");
    }
}
