package dev.policygen.route53;

import dev.policygen.UsageException;
import java.util.List;

/**
 * A name on a certificate as a user typed it ({@code *.Bücher.example.}), checked and reduced to
 * what DNS-01 needs: the normalized name without its wildcard label, since a wildcard
 * authorization is validated at the apex name (RFC 8555 section 7.1.4).
 */
public record CertificateName(String input, String normalized, boolean wildcard) {

    public static CertificateName parse(String input) throws UsageException {
        String text = input.strip();
        if (text.isEmpty()) {
            throw new UsageException(input, "empty domain");
        }
        if (looksLikeIpv4(text) || looksLikeIpv6(text)) {
            throw new UsageException(input, "\"" + input + "\" is an IP address; DNS-01 validates domain names only");
        }
        HostNameCharacters.check(text, "domain", input);
        List<String> labels;
        try {
            labels = RecordNames.labels(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(input, "invalid domain \"" + input + "\": " + e.getMessage());
        }
        // fullwidth digits and full stops map to an address too: １０。０。０。１ is 10.0.0.1
        if (looksLikeIpv4(RecordNames.join(labels))) {
            throw new UsageException(input, "\"" + input + "\" is an IP address; DNS-01 validates domain names only");
        }
        boolean wildcard = labels.get(0).equals("*") && !text.startsWith("\\");
        List<String> rest = wildcard ? labels.subList(1, labels.size()) : labels;
        if (rest.isEmpty()) {
            throw new UsageException(input, "domain \"" + input + "\" is only a wildcard");
        }
        for (String label : rest) {
            if (label.indexOf('*') >= 0) {
                throw new UsageException(input, "wildcard in \"" + input
                        + "\" is not the whole leftmost label; only *.name is allowed");
            }
        }
        if (rest.get(0).equalsIgnoreCase(Route53Names.CHALLENGE_LABEL)) {
            throw new UsageException(input, "domain \"" + input + "\" already starts with " + Route53Names.CHALLENGE_LABEL
                    + "; give the name on the certificate");
        }
        String normalized = RecordNames.join(rest);
        // the challenge name adds one label; it must still fit in 255 octets
        try {
            RecordNames.labels(Route53Names.CHALLENGE_LABEL + "." + normalized);
        } catch (IllegalArgumentException e) {
            throw new UsageException(input, "domain \"" + input + "\" is too long for its challenge name: "
                    + e.getMessage());
        }
        return new CertificateName(input, normalized, wildcard);
    }

    /** Four dot-separated runs of one to three digits, optionally with a trailing dot. */
    private static boolean looksLikeIpv4(String text) {
        String body = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        int runs = 1;
        int digits = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '.') {
                if (digits == 0) {
                    return false;
                }
                runs++;
                digits = 0;
            } else if (c >= '0' && c <= '9' && digits < 3) {
                digits++;
            } else {
                return false;
            }
        }
        return runs == 4 && digits > 0;
    }

    /**
     * An IPv6 literal, bare or in brackets, as the evaluator reads one. Only these are called an
     * address; any other colon is a character a host name cannot hold, and {@link HostNameCharacters}
     * says so.
     */
    private static boolean looksLikeIpv6(String text) {
        String body = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        return body.indexOf(':') >= 0 && IpAddresses.parse(body) != null;
    }

    /** The TXT record name DNS-01 writes for this name, normalized. */
    public String challengeName() {
        return Route53Names.CHALLENGE_LABEL + "." + normalized;
    }
}
