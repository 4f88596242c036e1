package dev.policygen.lint.report;

import dev.policygen.lint.Finding;
import dev.policygen.lint.Suppressions.SuppressedFinding;
import java.util.List;

/**
 * {@code file:line:col: severity ID message}, one finding a line, as compilers and editors expect; then each
 * suppressed finding as {@code file:line:col: suppressed ID message (reason: ...)}, which editors' error
 * matchers pass over.
 */
final class TextReport {
    private TextReport() {
    }

    static String render(List<Finding> findings, List<SuppressedFinding> suppressed) {
        StringBuilder out = new StringBuilder();
        for (Finding f : findings) {
            line(out, f, f.severity().label()).append('\n');
        }
        for (SuppressedFinding s : suppressed) {
            line(out, s.finding(), "suppressed").append(" (reason: ").append(s.by().reason()).append(")\n");
        }
        return out.toString();
    }

    private static StringBuilder line(StringBuilder out, Finding f, String label) {
        return out.append(f.file()).append(':').append(f.position().line()).append(':').append(f.position().column())
                .append(": ").append(label).append(' ').append(f.ruleId()).append(' ').append(f.message());
    }
}
