package dev.policygen.route53;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;

/**
 * Route 53's normalization of record names, as its ChangeResourceRecordSetsNormalizedRecordNames
 * condition key sees them: Punycode for IDN labels, lower case, no trailing dot, and every byte
 * other than {@code a-z 0-9 - _} written as a backslash and three octal digits. Label dots stay.
 */
public final class RecordNames {
    /** DNS limits, in octets of the wire form. */
    public static final int MAX_LABEL = 63;
    public static final int MAX_NAME = 255;

    private RecordNames() {
    }

    /**
     * Splits a name into labels of raw octets (chars 0-255), decoding {@code \ooo} escapes and
     * converting non-ASCII labels to Punycode. A trailing dot is dropped.
     *
     * @throws IllegalArgumentException with a user-facing reason
     */
    public static List<String> labels(String name) {
        String text = name;
        if (text.endsWith(".") && !text.endsWith("\\.")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty name");
        }
        List<String> labels = new ArrayList<>();
        StringBuilder label = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                if (isOctal(text, i + 1)) {
                    int value = Integer.parseInt(text.substring(i + 1, i + 4), 8);
                    if (value > 0xFF) {
                        throw new IllegalArgumentException("escape \\" + text.substring(i + 1, i + 4) + " is above \\377");
                    }
                    label.append((char) value);
                    i += 3;
                } else {
                    throw new IllegalArgumentException("a backslash must start a three-digit octal escape such as \\052");
                }
            } else if (c == '.') {
                labels.add(finishLabel(label.toString()));
                label.setLength(0);
            } else {
                label.append(c);
            }
        }
        labels.add(finishLabel(label.toString()));
        int wireLength = 1;
        for (String l : labels) {
            wireLength += l.length() + 1;
        }
        if (wireLength > MAX_NAME) {
            throw new IllegalArgumentException("name is " + wireLength + " octets long, the limit is " + MAX_NAME);
        }
        return labels;
    }

    /** The normalized form of any record name; {@code *} anywhere becomes {@code \052}. */
    public static String normalize(String name) {
        return join(labels(name));
    }

    /**
     * The key Route 53 sorts names by in ListResourceRecordSets and ListHostedZonesByName: the labels
     * of the normalized (escaped) name reversed, each followed by a dot ({@code com.example.www.}), compared
     * as ASCII. Route 53's API reference for both actions: "sorts ... by DNS name with the labels reversed,
     * for example: com.example.www." and "Note the trailing dot, which can change the sort order when the
     * record name contains characters that appear before . (decimal 46)" (so {@code a-b.example.com} comes
     * before {@code a.example.com}); names with escapes sort by the escaped value.
     */
    public static String route53SortKey(String normalized) {
        String[] labels = normalized.split("\\.");
        StringBuilder key = new StringBuilder(normalized.length() + 1);
        for (int i = labels.length - 1; i >= 0; i--) {
            key.append(labels[i]).append('.');
        }
        return key.toString();
    }

    /** Compares normalized names in Route 53's list order ({@link #route53SortKey}). */
    public static int compareInRoute53Order(String a, String b) {
        return route53SortKey(a).compareTo(route53SortKey(b));
    }

    /** Writes raw-octet labels in normalized form. */
    public static String join(List<String> labels) {
        StringBuilder out = new StringBuilder();
        for (String label : labels) {
            if (out.length() > 0) {
                out.append('.');
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (c >= 'A' && c <= 'Z') {
                    c = (char) (c + ('a' - 'A'));
                }
                if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                    out.append(c);
                } else {
                    // three octal digits without String.format, which is slow to load on a cold JVM
                    out.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)))
                            .append((char) ('0' + (c & 7)));
                }
            }
        }
        return out.toString();
    }

    private static String finishLabel(String raw) {
        if (raw.isEmpty()) {
            throw new IllegalArgumentException("empty label");
        }
        String label = raw;
        if (!isAscii(raw)) {
            try {
                // ALLOW_UNASSIGNED but not USE_STD3_ASCII_RULES: "_" in _acme-challenge must survive.
                label = IDN.toASCII(raw, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("label " + quoted(raw) + " is not a valid internationalized label");
            }
        }
        if (label.length() > MAX_LABEL) {
            throw new IllegalArgumentException("label " + quoted(label) + " is " + label.length()
                    + " octets long, the limit is " + MAX_LABEL);
        }
        return label;
    }

    /**
     * A label for an error message, in quotes. A label decoded from escapes such as {@code \012} can
     * hold control characters, which would break the one-line message; they are shown escaped again.
     */
    private static String quoted(String label) {
        StringBuilder out = new StringBuilder(label.length() + 2).append('"');
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            int type = Character.getType(c);
            if (c <= 0xFF && Character.isISOControl(c)) {
                out.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)))
                        .append((char) ('0' + (c & 7)));
            } else if (type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                out.append("\\u").append(Integer.toHexString(0x10000 | c), 1, 5);
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static boolean isOctal(String text, int from) {
        if (from + 3 > text.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '7') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }
}
