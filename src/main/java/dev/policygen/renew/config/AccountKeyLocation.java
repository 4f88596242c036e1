package dev.policygen.renew.config;

import dev.policygen.route53.S3ObjectUri;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the ACME account key lives: a local file ({@code file:///path}) or an S3 object
 * ({@code s3://bucket/key}), the two forms letsencrypt-aws accepted.
 */
public sealed interface AccountKeyLocation {

    /** The URI as written, for messages. */
    String uri();

    record LocalFile(String uri, Path path) implements AccountKeyLocation {
    }

    record S3Object(String uri, String bucket, String key) implements AccountKeyLocation {
        /** {@code bucket/key}, the form the generator's s3:GetObject grant takes. */
        public String objectPath() {
            return bucket + "/" + key;
        }
    }

    /** Parses either form; empty when the text is neither, so callers can say where it stood. */
    static Optional<AccountKeyLocation> parse(String text) {
        if (text.startsWith("file://")) {
            String path = text.substring("file://".length());
            // file:///abs gives /abs; letsencrypt-aws's Windows form file://C:/key.pem gives C:/key.pem
            return path.isEmpty() ? Optional.empty() : Optional.of(new LocalFile(text, Path.of(path)));
        }
        Optional<S3ObjectUri> object = S3ObjectUri.parse(text);
        return object.isPresent() ? Optional.of(new S3Object(text, object.get().bucket(), object.get().key()))
                : Optional.empty();
    }
}
