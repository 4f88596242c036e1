package dev.policygen.route53;

import dev.policygen.UsageException;

/**
 * A Route 53 hosted zone id, bare ({@code Z1D633PJN98FT9}). The {@code /hostedzone/} form that API
 * responses carry is accepted on input; ARNs need the bare id.
 */
public record HostedZoneId(String id) implements Comparable<HostedZoneId> {
    private static final String PREFIX = "/hostedzone/";

    public static HostedZoneId parse(String text) throws UsageException {
        String bare = text.strip();
        if (bare.startsWith(PREFIX)) {
            bare = bare.substring(PREFIX.length());
        } else if (bare.startsWith("hostedzone/")) {
            bare = bare.substring("hostedzone/".length());
        }
        if (!wellFormed(bare)) {
            String hint = wellFormed(bare.toUpperCase(java.util.Locale.ROOT))
                    ? "; zone ids are upper case" : "; expected Z followed by upper-case letters and digits";
            throw new UsageException(text, "malformed hosted zone id \"" + text + "\"" + hint);
        }
        return new HostedZoneId(bare);
    }

    /** {@code Z} and 1 to 31 upper-case letters or digits; checked by hand to keep regex off start-up. */
    private static boolean wellFormed(String id) {
        if (id.length() < 2 || id.length() > 32 || id.charAt(0) != 'Z') {
            return false;
        }
        for (int i = 1; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(HostedZoneId other) {
        return id.compareTo(other.id);
    }

    @Override
    public String toString() {
        return id;
    }
}
