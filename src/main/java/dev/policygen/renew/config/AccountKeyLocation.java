package dev.policygen.renew.config;

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
        if (text.startsWith("s3://")) {
            String rest = text.substring("s3://".length());
            int slash = rest.indexOf('/');
            if (slash <= 0 || slash == rest.length() - 1 || !bucketName(rest.substring(0, slash))) {
                return Optional.empty();
            }
            return Optional.of(new S3Object(text, rest.substring(0, slash), rest.substring(slash + 1)));
        }
        return Optional.empty();
    }

    /** S3's rules for new bucket names: 3 to 63 lower-case letters, digits, dots and hyphens. */
    private static boolean bucketName(String name) {
        if (name.length() < 3 || name.length() > 63) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean edge = i == 0 || i == name.length() - 1;
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (!edge && (c == '.' || c == '-'));
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
