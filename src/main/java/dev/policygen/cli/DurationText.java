package dev.policygen.cli;

import dev.policygen.UsageException;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/** Durations as operators write them: 90s, 30m, 12h, 1d, or ISO-8601 (PT12H). */
final class DurationText {
    private DurationText() {
    }

    static Duration parse(String text, String option) throws UsageException {
        String value = text.strip();
        try {
            if (value.startsWith("P") || value.startsWith("p")) {
                return positive(Duration.parse(value), text, option);
            }
            if (value.length() >= 2) {
                long amount = Long.parseLong(value.substring(0, value.length() - 1));
                Duration duration = switch (value.charAt(value.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    case 'd' -> Duration.ofDays(amount);
                    default -> null;
                };
                if (duration != null) {
                    return positive(duration, text, option);
                }
            }
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            // reported below with the accepted forms
        }
        throw new UsageException(text, option + " takes a duration such as 90s, 30m, 12h, 1d or PT12H, not \""
                + text + "\"");
    }

    private static Duration positive(Duration duration, String text, String option) throws UsageException {
        if (duration.isNegative() || duration.isZero()) {
            throw new UsageException(text, option + " must be longer than zero");
        }
        return duration;
    }
}
