package dev.policygen.cli;

/** The exit codes of every policygen command; the CLI package is the only place that picks them. */
public final class ExitCode {
    /** Success: the policy was written, the request is allowed, no finding reached the threshold. */
    public static final int OK = 0;
    /** Findings at or above --fail-on, or a simulated request that is denied. */
    public static final int FINDINGS = 1;
    /** A command-line value that cannot be used. */
    public static final int USAGE = 2;
    /**
     * An input file that cannot be read or parsed or holds a bad value (a value that would be a usage
     * error as an option is this code inside a config file), or an output file that cannot be written.
     */
    public static final int BAD_INPUT = 3;
    /** A failure reported by AWS or by an ACME server. */
    public static final int REMOTE = 4;
    /** A defect in policygen itself (reported with --debug for a stack trace). */
    public static final int INTERNAL = 70;

    private ExitCode() {
    }
}
