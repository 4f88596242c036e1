package dev.policygen.lint.report;

import dev.policygen.lint.Finding;
import java.util.List;

/** {@code file:line:col: severity ID message}, one finding a line, as compilers and editors expect. */
final class TextReport {
    private TextReport() {
    }

    static String render(List<Finding> findings) {
        StringBuilder out = new StringBuilder();
        for (Finding f : findings) {
            out.append(f.file()).append(':').append(f.position().line()).append(':').append(f.position().column())
                    .append(": ").append(f.severity().label()).append(' ').append(f.ruleId()).append(' ')
                    .append(f.message()).append('\n');
        }
        return out.toString();
    }
}
