package dev.policygen.lint;

import java.util.Locale;
import java.util.Optional;

/** How bad a finding is, most severe first; the order drives {@code --fail-on}. */
public enum Severity {
    /** The policy is rejected by IAM, does not work for the client, or grants takeover of records. */
    ERROR("error"),
    /** The policy works but grants more than an ACME client needs, or is fragile. */
    WARNING("warning"),
    /** Tidiness and least-privilege polish with no security impact on its own. */
    SUGGESTION("suggestion");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** True when this severity is at least as severe as {@code threshold}. */
    public boolean reaches(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    public static Optional<Severity> parse(String text) {
        for (Severity severity : values()) {
            if (severity.label.equals(text.toLowerCase(Locale.ROOT))) {
                return Optional.of(severity);
            }
        }
        return Optional.empty();
    }
}
