package dev.policygen.renew.config;

import dev.policygen.route53.S3ObjectUri;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where renew keeps what it needs between runs (the journal of TXT values, the ACM imports and, for
 * S3, a lease per certificate): a local directory, one runner at a time, or an S3 prefix
 * ({@code s3://BUCKET/PREFIX}) that several runners share (docs/design/s3-state.md).
 */
public sealed interface StateLocation {

    /** A local directory, as today: locked against a second run. */
    record LocalDirectory(Path path) implements StateLocation {
        @Override
        public String toString() {
            return path.toString();
        }
    }

    /** Objects under {@code prefix/} in {@code bucket}; the prefix has no leading or trailing slash. */
    record S3Prefix(String bucket, String prefix) implements StateLocation {
        /** The key of a state object, {@code prefix/name}. */
        public String key(String name) {
            return prefix + "/" + name;
        }

        public String uri() {
            return S3ObjectUri.SCHEME + bucket + "/" + prefix;
        }

        @Override
        public String toString() {
            return uri();
        }
    }

    /**
     * {@code s3://BUCKET/PREFIX} (a trailing slash is dropped) or a local path; empty for an {@code s3://}
     * text that names no bucket and prefix, so the caller can say where it stood.
     */
    static Optional<StateLocation> parse(String text) {
        if (!text.startsWith(S3ObjectUri.SCHEME)) {
            return Optional.of(new LocalDirectory(Path.of(text)));
        }
        String trimmed = text;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        Optional<S3ObjectUri> object = S3ObjectUri.parse(trimmed);
        if (object.isEmpty() || object.get().key().startsWith("/") || object.get().key().contains("//")) {
            return Optional.empty();
        }
        return Optional.of(new S3Prefix(object.get().bucket(), object.get().key()));
    }
}
