package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.policygen.UsageException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationTextTest {
    @Test
    void readsSuffixedAndIsoDurations() throws Exception {
        assertEquals(Duration.ofSeconds(90), DurationText.parse("90s", "--interval"));
        assertEquals(Duration.ofMinutes(30), DurationText.parse("30m", "--interval"));
        assertEquals(Duration.ofHours(12), DurationText.parse(" 12h ", "--interval"));
        assertEquals(Duration.ofDays(1), DurationText.parse("1d", "--interval"));
        assertEquals(Duration.ofHours(12), DurationText.parse("PT12H", "--interval"));
        assertEquals(Duration.ofMinutes(90), DurationText.parse("pt1h30m", "--interval"));
    }

    @Test
    void refusesWhatIsNotADurationNamingTheForms() {
        for (String text : new String[] {"", "h", "12", "12x", "1.5h", "twelve", "12 h", "P", "99999999999999999d"}) {
            UsageException e = assertThrows(UsageException.class, () -> DurationText.parse(text, "--interval"),
                    text);
            assertEquals("--interval takes a duration such as 90s, 30m, 12h, 1d or PT12H, not \"" + text + "\"",
                    e.getMessage(), text);
        }
    }

    @Test
    void refusesZeroAndNegativeDurations() {
        for (String text : new String[] {"0s", "-5m", "PT0S", "PT-1H"}) {
            UsageException e = assertThrows(UsageException.class, () -> DurationText.parse(text, "--interval"),
                    text);
            assertEquals("--interval must be longer than zero", e.getMessage(), text);
        }
    }
}
