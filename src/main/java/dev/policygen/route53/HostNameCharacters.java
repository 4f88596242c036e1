package dev.policygen.route53;

import dev.policygen.UsageException;

/**
 * The characters a host name typed on the command line or in a config may hold: letters, digits,
 * hyphens, underscores (for names such as {@code _acme-challenge}), dots, {@code *} (whose place is
 * checked by the caller), non-ASCII letters (IDN, converted to Punycode) and {@code \DDD} escapes for
 * any other byte, written on purpose. Anything else typed raw is almost always a mistake (a URL, an
 * e-mail address, an IAM policy variable such as {@code ${aws:username}}) and is refused naming the
 * character, so the reason given is the real one and never, say, "an IP address" for a colon.
 */
public final class HostNameCharacters {
    private HostNameCharacters() {
    }

    /**
     * Refuses the first character of {@code text} that a host name cannot hold.
     *
     * @param what how the value is named in the message, e.g. {@code domain} or {@code zone name}
     * @param value the value the exception names (the whole option value)
     */
    public static void check(String text, String what, String value) throws UsageException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0x20 || c == 0x7F) {
                throw new UsageException(value, what + " \"" + text + "\" contains a space or control character");
            }
            if (allowed(c) || (c > 0x7F && !asciiLookalike(c))) {
                continue;
            }
            // a lookalike is named by code point and mapping: a fullwidth colon or ideographic space is hard to see
            String mapped = c > 0x7F
                    ? java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFKC)
                    : String.valueOf(c);
            String hex = Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
            String shown = c > 0x7F
                    ? "\"" + c + "\" (U+" + "0000".substring(hex.length()) + hex + ", which IDNA maps to \"" + mapped + "\")"
                    : "\"" + c + "\"";
            String reason = what + " \"" + text + "\" contains " + shown + ", which is not a host name character"
                    + " (letters, digits, hyphens, underscores and dots; write any other byte as a \\DDD escape)";
            if (mapped.contains("$") || mapped.contains("{") || mapped.contains("}")) {
                reason += "; IAM policy variables such as ${aws:username} cannot stand for a name here";
            } else if (mapped.contains(":") || mapped.contains("/") || mapped.contains("@")) {
                reason += "; give the bare name, not a URL or address";
            }
            throw new UsageException(value, reason);
        }
    }

    /**
     * A non-ASCII character that IDNA's compatibility mapping turns into an ASCII character a host
     * name cannot hold, such as the fullwidth {@code ＄} (U+FF04) into {@code $}: refused like the
     * character it becomes, or it would reach the name after Punycode conversion.
     */
    private static boolean asciiLookalike(char c) {
        String mapped = java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFKC);
        for (int i = 0; i < mapped.length(); i++) {
            char m = mapped.charAt(i);
            if (m <= 0x7F && !allowed(m)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '*' || c == '\\';
    }
}
