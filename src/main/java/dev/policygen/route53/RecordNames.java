package dev.policygen.route53;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;

/**
 * Route 53's normalization of record names, as its ChangeResourceRecordSetsNormalizedRecordNames
 * condition key sees them: Punycode for IDN labels, lower case, no trailing dot, and every byte
 * other than {@code a-z 0-9 - _} written as a backslash and three octal digits. Label dots stay.
 *
 * <p>Non-ASCII names are mapped as UTS #46 maps them, so a policy names what a client sends: the full-stop
 * variants separate labels, and {@link IDN#toASCII} (IDNA2003 nameprep) folds case and width per label. Where
 * nameprep and UTS #46 (nontransitional, as browsers and Go's idna package use it) disagree, the name is refused
 * rather than guessed: the deviation characters (ß, ς, zero-width joiner and non-joiner) and labels whose
 * mapping yields ASCII other than letters, digits, hyphen and underscore ({@code ⒈} becomes {@code 1.}). One
 * difference is left: characters added to Unicode after 3.2, which nameprep passes through unmapped.
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
        String text = withAsciiFullStops(name);
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

    /**
     * The name with UTS #46's full-stop variants (U+3002 ideographic, U+FF0E fullwidth, U+FF61 halfwidth
     * ideographic) mapped to '.', as UTS #46 and {@link IDN#toASCII} on a whole name do before splitting labels.
     * Splitting first made {@code a。example.com} one label, {@code a\056example.com}: a name no client sends.
     */
    static String withAsciiFullStops(String name) {
        char[] chars = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\u3002' || c == '\uFF0E' || c == '\uFF61') {
                if (chars == null) {
                    chars = name.toCharArray();
                }
                chars[i] = '.';
            }
        }
        return chars == null ? name : new String(chars);
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
            String deviation = deviationCharacter(raw);
            if (deviation != null) {
                throw new IllegalArgumentException("label " + quoted(raw) + " contains " + deviation
                        + ", which IDNA2003 and UTS #46 map differently; give the label in Punycode (xn--...)");
            }
            try {
                // ALLOW_UNASSIGNED but not USE_STD3_ASCII_RULES: "_" in _acme-challenge must survive.
                label = IDN.toASCII(raw, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("label " + quoted(raw) + " is not a valid internationalized label");
            }
            if (!isLetterDigitHyphenOrUnderscore(label)) {
                throw new IllegalArgumentException("label " + quoted(raw) + " maps to " + quoted(label)
                        + "; only letters, digits, hyphens and underscores may come from an internationalized label");
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

    /**
     * The UTS #46 deviation characters: nameprep maps ß to ss and ς to σ and deletes the joiners, while
     * nontransitional processing keeps them, so the two give different names (faß.de is fass.de or xn--fa-hia.de).
     */
    private static String deviationCharacter(String label) {
        for (int i = 0; i < label.length(); i++) {
            switch (label.charAt(i)) {
                case '\u00DF':
                    return "\"\u00DF\" (sharp s)";
                case '\u03C2':
                    return "\"\u03C2\" (final sigma)";
                case '\u200C':
                    return "a zero-width non-joiner (U+200C)";
                case '\u200D':
                    return "a zero-width joiner (U+200D)";
                default:
                    break;
            }
        }
        return null;
    }

    private static boolean isLetterDigitHyphenOrUnderscore(String label) {
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!ok) {
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
