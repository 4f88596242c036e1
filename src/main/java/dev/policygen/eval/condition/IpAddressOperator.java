package dev.policygen.eval.condition;

import dev.policygen.eval.RequestContext;
import dev.policygen.model.OperatorName;
import dev.policygen.route53.IpAddresses;
import java.util.List;

/**
 * IpAddress and NotIpAddress: the policy holds CIDR blocks (IPv4 or IPv6); a bare address means
 * a /32 or /128 (UG reference_policies_elements_condition_operators#Conditions_IPAddress). An IPv4
 * request value is never inside an IPv6 block and vice versa, so NotIpAddress matches it.
 */
public final class IpAddressOperator extends ValueOperator {
    private final byte[][] networks;
    private final int[] prefixes;

    private IpAddressOperator(OperatorName name, byte[][] networks, int[] prefixes) {
        super(name);
        this.networks = networks;
        this.prefixes = prefixes;
    }

    public static IpAddressOperator compile(OperatorName name, List<String> values) {
        byte[][] networks = new byte[values.size()][];
        int[] prefixes = new int[values.size()];
        for (int i = 0; i < networks.length; i++) {
            String text = values.get(i);
            int slash = text.indexOf('/');
            byte[] address = IpAddresses.parse(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                continue;
            }
            int prefix = slash < 0 ? address.length * 8 : IpAddresses.prefix(text.substring(slash + 1), address.length * 8);
            if (prefix >= 0) {
                networks[i] = address;
                prefixes[i] = prefix;
            }
        }
        return new IpAddressOperator(name, networks, prefixes);
    }

    @Override
    protected Object parseRequestValue(String requestValue) {
        return IpAddresses.parse(requestValue);
    }

    @Override
    protected int policyValueCount() {
        return networks.length;
    }

    @Override
    protected Comparison compare(int index, Object requestValue, RequestContext context) {
        byte[] network = networks[index];
        if (network == null) {
            return Comparison.INVALID;
        }
        byte[] address = (byte[]) requestValue;
        if (address.length != network.length) {
            return Comparison.NO_MATCH;
        }
        return IpAddresses.inBlock(address, network, prefixes[index]) ? Comparison.MATCH : Comparison.NO_MATCH;
    }
}
