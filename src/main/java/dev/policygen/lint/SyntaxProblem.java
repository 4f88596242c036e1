package dev.policygen.lint;

import dev.policygen.SourcePosition;

/** Why a policy's text could not be parsed, and where. */
public record SyntaxProblem(SourcePosition position, String message) {
}
