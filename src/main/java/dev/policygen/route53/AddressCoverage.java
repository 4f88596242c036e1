package dev.policygen.route53;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a list of CIDR blocks, as an IpAddress condition holds them, covers every address of one
 * family: {@code 0.0.0.0/0} does, and so do {@code 0.0.0.0/1} with {@code 128.0.0.0/1}. Blocks
 * are parsed as the evaluator parses them (a bare address is a /32 or /128); values that are not
 * blocks are skipped here (lint's PG112 reports them). One answer for lint's PG403 and generate's
 * --source-ip check, so a list generate accepts never lints as a deny that denies nothing.
 */
public final class AddressCoverage {
    /** An address family by its length in bytes, as {@link IpAddresses#parse} returns it. */
    public enum Family {
        IPV4("IPv4", 4), IPV6("IPv6", 16);

        private final String label;
        private final int bytes;

        Family(String label, int bytes) {
            this.label = label;
            this.bytes = bytes;
        }

        /** {@code IPv4} or {@code IPv6}, for messages. */
        public String label() {
            return label;
        }
    }

    private AddressCoverage() {
    }

    public static boolean coversEvery(List<String> blocks, Family family) {
        int bits = family.bytes * 8;
        List<BigInteger[]> ranges = new ArrayList<>();
        for (String text : blocks) {
            int slash = text.indexOf('/');
            byte[] address = IpAddresses.parse(slash < 0 ? text : text.substring(0, slash));
            if (address == null || address.length != family.bytes) {
                continue;
            }
            int prefix = slash < 0 ? bits : IpAddresses.prefix(text.substring(slash + 1), bits);
            if (prefix < 0) {
                continue;
            }
            int hostBits = bits - prefix;
            BigInteger start = new BigInteger(1, address).shiftRight(hostBits).shiftLeft(hostBits);
            ranges.add(new BigInteger[] {start, start.add(BigInteger.ONE.shiftLeft(hostBits))});
        }
        // by start; a plain insertion sort keeps lambdas off generate's path (lists are short)
        for (int i = 1; i < ranges.size(); i++) {
            for (int j = i; j > 0 && ranges.get(j - 1)[0].compareTo(ranges.get(j)[0]) > 0; j--) {
                ranges.set(j, ranges.set(j - 1, ranges.get(j)));
            }
        }
        BigInteger covered = BigInteger.ZERO;
        for (BigInteger[] range : ranges) {
            if (range[0].compareTo(covered) > 0) {
                return false;
            }
            covered = covered.max(range[1]);
        }
        return covered.equals(BigInteger.ONE.shiftLeft(bits));
    }
}
