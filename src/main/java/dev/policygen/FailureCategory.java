package dev.policygen;

/**
 * What kind of thing went wrong, stated by each failure type once. The CLI turns a category into an
 * exit code (2, 3 or 4) in one place; nothing else decides exit codes.
 */
public enum FailureCategory {
    /** A value the user gave (an option, an argument, a setting in a config) cannot be used. */
    USAGE,
    /** A file policygen reads or writes (input, output, state, journal, destination) cannot be used. */
    FILE,
    /** AWS, an ACME server or the policy guard refused or failed a request. */
    REMOTE
}
