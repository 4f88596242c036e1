package dev.policygen.generate;

import dev.policygen.UsageException;
import java.util.regex.Pattern;

/**
 * A Route 53 hosted zone id, bare ({@code Z1D633PJN98FT9}). The {@code /hostedzone/} form that API
 * responses carry is accepted on input; ARNs need the bare id.
 */
public record HostedZoneId(String id) implements Comparable<HostedZoneId> {
    private static final String PREFIX = "/hostedzone/";
    private static final Pattern ID = Pattern.compile("Z[A-Z0-9]{1,31}");

    public static HostedZoneId parse(String text) throws UsageException {
        String bare = text.strip();
        if (bare.startsWith(PREFIX)) {
            bare = bare.substring(PREFIX.length());
        } else if (bare.startsWith("hostedzone/")) {
            bare = bare.substring("hostedzone/".length());
        }
        if (!ID.matcher(bare).matches()) {
            String hint = ID.matcher(bare.toUpperCase(java.util.Locale.ROOT)).matches()
                    ? "; zone ids are upper case" : "; expected Z followed by upper-case letters and digits";
            throw new UsageException(text, "malformed hosted zone id \"" + text + "\"" + hint);
        }
        return new HostedZoneId(bare);
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
