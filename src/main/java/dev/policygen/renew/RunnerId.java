package dev.policygen.renew;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The name a runner writes into the leases it holds: host and process for the operator reading a
 * lease, and random bytes so that two runs never share one, even in containers that all are pid 1.
 */
final class RunnerId {
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunnerId() {
    }

    static String create() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return host + "/" + ProcessHandle.current().pid() + "/" + HexFormat.of().formatHex(random);
    }
}
