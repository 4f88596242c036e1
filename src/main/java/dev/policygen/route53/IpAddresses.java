package dev.policygen.route53;

/**
 * Parses IPv4 and IPv6 literals into bytes. Hand-written: InetAddress.getByName would resolve
 * host names over DNS, and it reports bad input by exception. Shared by the evaluator's IpAddress
 * operators, generate's --source-ip check and lint (PG403), so all read the same CIDR lists alike.
 */
public final class IpAddresses {
    private IpAddresses() {
    }

    /** 4 or 16 bytes, or null when the text is not an address literal. */
    public static byte[] parse(String text) {
        return text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text, 0, text.length());
    }

    /** A prefix length between 0 and max, or -1. */
    public static int prefix(String text, int max) {
        if (text.isEmpty() || text.length() > 3) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= max ? value : -1;
    }

    /** True when {@code address} lies in the block {@code network/prefix} (both of one family). */
    public static boolean inBlock(byte[] address, byte[] network, int prefix) {
        int fullBytes = prefix / 8;
        for (int i = 0; i < fullBytes; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[fullBytes] & mask) == (network[fullBytes] & mask);
    }

    private static byte[] parseV4(String text, int from, int to) {
        byte[] out = new byte[4];
        int part = 0;
        int value = 0;
        int digits = 0;
        for (int i = from; i <= to; i++) {
            char c = i < to ? text.charAt(i) : '.';
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                if (++digits > 3 || value > 255) {
                    return null;
                }
            } else if (c == '.') {
                if (digits == 0 || part == 4) {
                    return null;
                }
                out[part++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }

    private static byte[] parseV6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        byte[] head = new byte[16];
        byte[] tail = new byte[16];
        int headLength = groups(text, 0, gap < 0 ? text.length() : gap, head, gap >= 0);
        int tailLength = gap < 0 ? 0 : groups(text, gap + 2, text.length(), tail, true);
        if (headLength < 0 || tailLength < 0) {
            return null;
        }
        if (gap < 0 ? headLength != 16 : headLength + tailLength > 14) {
            return null;
        }
        byte[] out = new byte[16];
        System.arraycopy(head, 0, out, 0, headLength);
        System.arraycopy(tail, 0, out, 16 - tailLength, tailLength);
        return out;
    }

    /** Parses colon-separated hex groups (the last may be dotted IPv4) into out; bytes written or -1. */
    private static int groups(String text, int from, int to, byte[] out, boolean mayBeEmpty) {
        if (from == to) {
            return mayBeEmpty ? 0 : -1;
        }
        int written = 0;
        int start = from;
        while (start <= to) {
            int end = text.indexOf(':', start);
            if (end < 0 || end > to) {
                end = to;
            }
            if (end == to && text.lastIndexOf('.', to - 1) >= start) {
                byte[] v4 = parseV4(text, start, to);
                if (v4 == null || written + 4 > 16) {
                    return -1;
                }
                System.arraycopy(v4, 0, out, written, 4);
                return written + 4;
            }
            int length = end - start;
            if (length < 1 || length > 4 || written + 2 > 16) {
                return -1;
            }
            int value = 0;
            for (int i = start; i < end; i++) {
                int digit = Character.digit(text.charAt(i), 16);
                if (digit < 0 || text.charAt(i) > 'f') {
                    return -1;
                }
                value = value * 16 + digit;
            }
            out[written++] = (byte) (value >> 8);
            out[written++] = (byte) value;
            start = end + 1;
        }
        return written;
    }
}
