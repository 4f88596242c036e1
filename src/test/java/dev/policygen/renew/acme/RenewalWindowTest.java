package dev.policygen.renew.acme;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RenewalWindowTest {
    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-12-03T00:00:00Z");
    private final RenewalWindow window = new RenewalWindow(START, END, Optional.empty(), Optional.empty());

    @Test
    void dueFromTheStartOfTheWindowOn() {
        assertFalse(window.due(START.minusSeconds(1)));
        assertTrue(window.due(START));
        assertTrue(window.due(START.plusSeconds(3600)));
        // a window wholly in the past (the CA wants the certificate gone) is due at once
        assertTrue(window.due(END.plusSeconds(86400)));
    }

    @Test
    void aWindowMustNotEndBeforeItStarts() {
        assertThrows(IllegalArgumentException.class,
                () -> new RenewalWindow(END, START, Optional.empty(), Optional.empty()));
    }
}
