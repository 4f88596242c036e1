package dev.policygen.format;

/**
 * Text to write. {@code suffix} is empty for the only (or first) file and otherwise goes before the
 * extension of the {@code --output} path: {@code policy.json} becomes {@code policy-network-deny.json}.
 */
public record RenderedFile(String suffix, String text) {
}
