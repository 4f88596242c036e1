/**
 * The command line: picocli commands and options, and {@link Main}, which maps each failure's
 * category to an exit code in one place. This package only parses arguments, calls the domain
 * packages and maps results to exit codes and output files; the work is done elsewhere. It is the
 * outermost layer: it may depend on every package, nothing may depend on it, and picocli types appear
 * nowhere else (both checked by the architecture test). {@link GenerateFastPath} runs plain generate
 * lines without building picocli's model, for start-up time. {@link ShellFiles} and {@link ManPages} write the
 * shell completion and man pages from the same commands at build time (picocli's model lives here).
 */
package dev.policygen.cli;
