package dev.policygen.renew.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final StringWriter terminal = new StringWriter();
    private final Progress progress = new Progress(new PrintWriter(terminal), true);

    @Test
    void countsDoneFailedAndCertificatesPerStep() {
        progress.start(10);
        assertEquals("renew: 0/10 certificates done", progress.line());
        progress.update("a", "ordering");
        progress.update("b", "waiting for DNS");
        progress.update("c", "waiting for DNS");
        progress.update("a", "waiting for DNS");
        assertEquals("renew: 0/10 certificates done, 3 waiting for DNS", progress.line());
        progress.update("d", "validating");
        progress.done("a", false);
        progress.done("d", true);
        assertEquals("renew: 2/10 certificates done, 1 failed, 2 waiting for DNS", progress.line());
    }

    @Test
    void redrawsInPlaceAndClearsWhenFinished() {
        progress.start(1);
        progress.update("www", "ordering");
        progress.done("www", false);
        progress.finish();
        assertEquals("\rrenew: 0/1 certificates done\033[K"
                + "\rrenew: 0/1 certificates done, 1 ordering\033[K"
                + "\rrenew: 1/1 certificates done\033[K"
                + "\r\033[K", terminal.toString());
    }

    @Test
    void neverDrawsALineWiderThanATerminal() {
        progress.start(3);
        progress.update("a", "waiting for a very long step name that goes on and on");
        progress.update("b", "another very long step name that keeps going");
        assertEquals(Progress.WIDTH, progress.line().length());
        assertTrue(progress.line().endsWith("..."));
    }

    @Test
    void isOffWithoutATerminalOrForJson() {
        // the test JVM has no console
        assertFalse(Progress.forTerminal(new PrintWriter(terminal), RenewLog.Format.TEXT).enabled());
        assertFalse(Progress.forTerminal(new PrintWriter(terminal), RenewLog.Format.JSON).enabled());
    }

    @Test
    void disabledPrintsNothing() {
        StringWriter quiet = new StringWriter();
        Progress off = new Progress(new PrintWriter(quiet), false);
        off.start(2);
        off.update("a", "ordering");
        off.done("a", true);
        off.finish();
        assertEquals("", quiet.toString());
        Progress.disabled().start(1);
        Progress.disabled().finish();
    }
}
