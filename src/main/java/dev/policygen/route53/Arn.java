package dev.policygen.route53;

/**
 * An ARN split into its six parts: {@code arn:partition:service:region:account:resource}. The
 * resource part keeps any further colons.
 */
public record Arn(String partition, String service, String region, String account, String resource) {

    /** The parts of an ARN, or null when the text is not one (including the {@code *} resource). */
    public static Arn parse(String text) {
        return split(text, false);
    }

    /**
     * The parts of a resource pattern as IAM reads it: a pattern with fewer than six parts is padded
     * with {@code *}, so {@code arn:aws:s3} covers every S3 ARN. Null when it does not start with
     * {@code arn:}.
     */
    public static Arn parsePattern(String text) {
        return split(text, true);
    }

    private static Arn split(String text, boolean pad) {
        if (!text.startsWith("arn:")) {
            return null;
        }
        String[] parts = {"*", "*", "*", "*", "*"};
        int start = 4;
        for (int i = 0; i < 4; i++) {
            int colon = text.indexOf(':', start);
            if (colon < 0) {
                if (!pad) {
                    return null;
                }
                parts[i] = text.substring(start);
                return new Arn(parts[0], parts[1], parts[2], parts[3], parts[4]);
            }
            parts[i] = text.substring(start, colon);
            start = colon + 1;
        }
        parts[4] = text.substring(start);
        return new Arn(parts[0], parts[1], parts[2], parts[3], parts[4]);
    }

    /** The five parts after {@code arn:}, in order. */
    public String[] parts() {
        return new String[] {partition, service, region, account, resource};
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }
}
