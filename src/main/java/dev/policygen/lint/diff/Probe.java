package dev.policygen.lint.diff;

/**
 * A request the client never makes, sent to the policy to find what it grants beyond the client's
 * needs; {@code reason} says how it differs from what the client sends.
 */
public record Probe(ClientRequest request, String reason) {
}
