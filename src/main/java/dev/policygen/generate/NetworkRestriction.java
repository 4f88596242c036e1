package dev.policygen.generate;

import dev.policygen.UsageException;
import dev.policygen.route53.AddressCoverage;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the credential may be used from. Each list is one way in; a request is denied only when it
 * comes through none of them.
 */
public record NetworkRestriction(List<String> cidrs, List<String> vpcEndpoints, List<String> vpcs) {
    /** Compiled only when an option needs them; a plain generate keeps regex (and its lambdas) unloaded. */
    private static final class Syntax {
        static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(/(\\d{1,2}))?");
        static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(/(\\d{1,3}))?");
        static final Pattern VPCE = Pattern.compile("vpce-[0-9a-f]{8,17}");
        static final Pattern VPC = Pattern.compile("vpc-[0-9a-f]{8,17}");
    }

    public static final NetworkRestriction NONE = new NetworkRestriction(List.of(), List.of(), List.of());

    public NetworkRestriction {
        cidrs = List.copyOf(cidrs);
        vpcEndpoints = List.copyOf(vpcEndpoints);
        vpcs = List.copyOf(vpcs);
    }

    public boolean isEmpty() {
        return cidrs.isEmpty() && vpcEndpoints.isEmpty() && vpcs.isEmpty();
    }

    /** Checks an IPv4 or IPv6 address or CIDR block without any name lookup. */
    public static String checkCidr(String text) throws UsageException {
        java.util.regex.Matcher v4 = Syntax.IPV4.matcher(text);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    throw new UsageException(text, "invalid IPv4 address in \"" + text + "\"");
                }
            }
            if (v4.group(6) != null && Integer.parseInt(v4.group(6)) > 32) {
                throw new UsageException(text, "IPv4 prefix length in \"" + text + "\" is above 32");
            }
            return text;
        }
        java.util.regex.Matcher v6 = Syntax.IPV6.matcher(text);
        if (text.contains(":") && v6.matches()) {
            String address = text.contains("/") ? text.substring(0, text.indexOf('/')) : text;
            if (v6.group(2) != null && Integer.parseInt(v6.group(2)) > 128) {
                throw new UsageException(text, "IPv6 prefix length in \"" + text + "\" is above 128");
            }
            try {
                // a literal containing ':' is parsed, never resolved
                java.net.InetAddress.getByName(address);
                return text;
            } catch (java.net.UnknownHostException | SecurityException e) {
                // fall through to the error
            }
        }
        throw new UsageException(text, "\"" + text + "\" is not an IP address or CIDR block such as 203.0.113.0/24");
    }

    /**
     * Refuses a --source-ip list that covers every IPv4 or every IPv6 address ({@code 0.0.0.0/0},
     * {@code ::/0}, or blocks adding up to one): the deny is NotIpAddress on that list, so it would
     * never apply to a caller of that family, a restriction that restricts nothing (lint's PG403).
     * The vpce and vpc lists cannot mend it: the deny needs every one of its conditions to hold.
     */
    static void checkRestricts(List<String> cidrs) throws UsageException {
        for (AddressCoverage.Family family : AddressCoverage.Family.values()) {
            if (AddressCoverage.coversEvery(cidrs, family)) {
                String given = cidrs.size() == 1 ? "--source-ip " + cidrs.get(0) + " covers"
                        : "the --source-ip blocks " + String.join(", ", cidrs) + " cover";
                throw new UsageException(cidrs.get(cidrs.size() - 1), given + " every "
                        + family.label() + " address, so the network deny would deny no " + family.label()
                        + " caller; list only the networks the client calls from, or drop --source-ip");
            }
        }
    }

    public static String checkVpcEndpoint(String text) throws UsageException {
        if (!Syntax.VPCE.matcher(text).matches()) {
            throw new UsageException(text, "\"" + text + "\" is not a VPC endpoint id such as vpce-1a2b3c4d");
        }
        return text;
    }

    public static String checkVpc(String text) throws UsageException {
        if (!Syntax.VPC.matcher(text).matches()) {
            throw new UsageException(text, "\"" + text + "\" is not a VPC id such as vpc-1a2b3c4d");
        }
        return text;
    }
}
