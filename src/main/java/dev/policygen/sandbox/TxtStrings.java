package dev.policygen.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The character strings of a Route 53 TXT value: one or more quoted strings separated by spaces,
 * with {@code \"}, {@code \\} and {@code \DDD} (octal) escapes inside. Route 53 refuses an
 * unquoted value, and the DNS server needs the strings themselves.
 */
public final class TxtStrings {
    /** A DNS character string holds at most 255 octets. */
    static final int MAX_STRING = 255;

    private TxtStrings() {
    }

    /**
     * @throws IllegalArgumentException with the reason in Route 53's "FATAL problem" vocabulary
     */
    public static List<String> parse(String value) {
        List<String> strings = new ArrayList<>();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            if (c != '"') {
                throw new IllegalArgumentException("InvalidCharacterString (Value should be enclosed in quotation marks)");
            }
            StringBuilder text = new StringBuilder();
            i++;
            boolean closed = false;
            while (i < value.length()) {
                char d = value.charAt(i);
                if (d == '"') {
                    closed = true;
                    i++;
                    break;
                }
                if (d == '\\' && i + 1 < value.length()) {
                    if (i + 3 < value.length() && isOctal(value, i + 1)) {
                        text.append((char) Integer.parseInt(value.substring(i + 1, i + 4), 8));
                        i += 4;
                    } else {
                        text.append(value.charAt(i + 1));
                        i += 2;
                    }
                    continue;
                }
                text.append(d);
                i++;
            }
            if (!closed) {
                throw new IllegalArgumentException("InvalidCharacterString (Value should be enclosed in quotation marks)");
            }
            if (text.length() > MAX_STRING) {
                throw new IllegalArgumentException("CharacterStringTooLong (Value is too long)");
            }
            strings.add(text.toString());
        }
        if (strings.isEmpty()) {
            throw new IllegalArgumentException("InvalidCharacterString (Value should be enclosed in quotation marks)");
        }
        return strings;
    }

    private static boolean isOctal(String text, int from) {
        for (int i = from; i < from + 3; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '7') {
                return false;
            }
        }
        return true;
    }
}
