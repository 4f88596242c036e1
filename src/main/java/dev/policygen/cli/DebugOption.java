package dev.policygen.cli;

import picocli.CommandLine.Option;

/**
 * {@code --debug} for every command. Main reads it from the raw arguments (errors can happen before
 * options are bound); declaring it here makes picocli accept and document it.
 */
final class DebugOption {
    @Option(names = "--debug", description = "Print stack traces of errors.")
    boolean debug;
}
