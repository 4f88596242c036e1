package dev.policygen.route53;

/**
 * An ARN split into its six parts: {@code arn:partition:service:region:account:resource}. The
 * resource part keeps any further colons.
 */
public record Arn(String partition, String service, String region, String account, String resource) {

    /** The parts of an ARN, or null when the text is not one (including the {@code *} resource). */
    public static Arn parse(String text) {
        if (!text.startsWith("arn:")) {
            return null;
        }
        String[] parts = new String[5];
        int start = 4;
        for (int i = 0; i < 4; i++) {
            int colon = text.indexOf(':', start);
            if (colon < 0) {
                return null;
            }
            parts[i] = text.substring(start, colon);
            start = colon + 1;
        }
        parts[4] = text.substring(start);
        return new Arn(parts[0], parts[1], parts[2], parts[3], parts[4]);
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }
}
