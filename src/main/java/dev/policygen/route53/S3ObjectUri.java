package dev.policygen.route53;

import java.util.Optional;

/**
 * An S3 object named by an {@code s3://bucket/key} URI, as generate's --account-key and a renew
 * config's account key give it. Both read it with {@link #parse}, so the request the renewer
 * evaluates and the generate line it prints agree on which texts name an object.
 */
public record S3ObjectUri(String bucket, String key) {
    public static final String SCHEME = "s3://";

    /**
     * The object of {@code s3://BUCKET/KEY}; empty when the text is not one. The bucket follows S3's
     * rules for new bucket names; the key is any non-empty text on one line, because a line break
     * in a key is far more likely a pasting mistake than a real object.
     */
    public static Optional<S3ObjectUri> parse(String text) {
        if (!text.startsWith(SCHEME)) {
            return Optional.empty();
        }
        String rest = text.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || !bucketName(rest.substring(0, slash)) || !oneLine(rest.substring(slash + 1))) {
            return Optional.empty();
        }
        return Optional.of(new S3ObjectUri(rest.substring(0, slash), rest.substring(slash + 1)));
    }

    /** {@code bucket/key}, the form an S3 object ARN ends with. */
    public String objectPath() {
        return bucket + "/" + key;
    }

    /** The {@code s3://bucket/key} text that {@link #parse} reads back into this object. */
    public String uri() {
        return SCHEME + objectPath();
    }

    /** S3's rules for new bucket names: 3 to 63 lower-case letters, digits, dots and hyphens, alphanumeric at both ends. */
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

    /** Non-empty and free of the line terminators Java's regular expressions know ({@code .} stops at them). */
    private static boolean oneLine(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
        }
        return true;
    }
}
