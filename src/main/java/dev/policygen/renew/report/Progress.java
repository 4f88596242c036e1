package dev.policygen.renew.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A one-line status on a terminal, redrawn in place ({@code \r}, the line, clear to end of line):
 * {@code renew: 3/10 certificates done, 1 failed, 2 waiting for DNS}. Disabled, every method does
 * nothing; the CLI enables it only for text output to a terminal, where the control characters
 * cannot end up in a log file.
 */
public final class Progress {
    /** Wider than most terminals is never drawn: a wrapped line cannot be redrawn with \r. */
    static final int WIDTH = 79;
    private static final String CLEAR_TO_END = "\033[K";

    private final PrintWriter terminal;
    private final boolean enabled;
    private final Map<String, String> steps = new LinkedHashMap<>();
    private int total;
    private int done;
    private int failed;
    private boolean shown;

    public Progress(PrintWriter terminal, boolean enabled) {
        this.terminal = terminal;
        this.enabled = enabled;
    }

    public static Progress disabled() {
        return new Progress(null, false);
    }

    /**
     * Enabled for text output when both the console and standard error are terminals: the status
     * goes to standard error and must not end up in a redirected file or a JSON stream.
     */
    public static Progress forTerminal(PrintWriter stderr, RenewLog.Format format) {
        return new Progress(stderr, format == RenewLog.Format.TEXT && System.console() != null && stderrIsTerminal());
    }

    /** Java cannot ask whether standard error is a terminal; on Linux its descriptor names the device. */
    static boolean stderrIsTerminal() {
        try {
            String device = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // not Linux: the console check alone has to do
            return true;
        }
    }

    public boolean enabled() {
        return enabled;
    }

    public synchronized void start(int total) {
        this.total = total;
        done = 0;
        failed = 0;
        steps.clear();
        draw();
    }

    /** {@code certificate} is now at {@code step}, a short phrase such as "waiting for DNS". */
    public synchronized void update(String certificate, String step) {
        steps.put(certificate, step);
        draw();
    }

    public synchronized void done(String certificate, boolean failed) {
        steps.remove(certificate);
        done++;
        if (failed) {
            this.failed++;
        }
        draw();
    }

    /** Clears the status line for good, leaving the terminal for the summary. */
    public synchronized void finish() {
        clear();
        total = 0;
    }

    /** Removes the line so another line can be printed; {@link #redraw} puts it back. */
    synchronized void clear() {
        if (enabled && shown) {
            terminal.print("\r" + CLEAR_TO_END);
            terminal.flush();
            shown = false;
        }
    }

    synchronized void redraw() {
        if (total > 0) {
            draw();
        }
    }

    /** The status text, without control characters. */
    synchronized String line() {
        StringBuilder line = new StringBuilder("renew: ").append(done).append('/').append(total)
                .append(" certificates done");
        if (failed > 0) {
            line.append(", ").append(failed).append(" failed");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String step : steps.values()) {
            counts.merge(step, 1, Integer::sum);
        }
        for (Map.Entry<String, Integer> count : counts.entrySet()) {
            line.append(", ").append(count.getValue()).append(' ').append(count.getKey());
        }
        return line.length() <= WIDTH ? line.toString() : line.substring(0, WIDTH - 3) + "...";
    }

    private void draw() {
        if (!enabled) {
            return;
        }
        terminal.print("\r" + line() + CLEAR_TO_END);
        terminal.flush();
        shown = true;
    }
}
