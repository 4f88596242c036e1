/**
 * The failures every part of policygen reports, and what they share: {@link PolicygenException} and
 * its subclasses, each stating its {@link FailureCategory} (usage, file, remote) once so that the CLI
 * maps categories to exit codes in one place; {@link SourcePosition}, the {@code file:line:col} of an
 * input error; and {@link AwsFailure}, an AWS call that got no answer. Every other package may depend
 * on this one; it depends on no other policygen package and on no library, so it can never be part of
 * a cycle.
 */
package dev.policygen;
