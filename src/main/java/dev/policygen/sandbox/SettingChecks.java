package dev.policygen.sandbox;

import dev.policygen.route53.Arn;
import java.net.URI;
import java.time.Duration;

/**
 * The checks {@link SandboxBuilder} applies to each setting as it is given, so that a bad value
 * (from code, a command line or a config file) fails where it is set, with a message naming it.
 */
final class SettingChecks {
    private SettingChecks() {
    }

    static int port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range 0-65535");
        }
        return port;
    }

    /** A hosted zone id as Route 53 forms them; null (an id derived from the name) passes. */
    static String zoneId(String id) {
        if (id != null && !(id.length() >= 2 && id.length() <= 32 && id.charAt(0) == 'Z'
                && id.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))) {
            throw new IllegalArgumentException("malformed hosted zone id \"" + id
                    + "\"; expected Z followed by upper-case letters and digits");
        }
        return id;
    }

    static String principalArn(String arn) {
        if (Arn.parse(arn) == null) {
            throw new IllegalArgumentException("malformed principal ARN \"" + arn + "\"");
        }
        return arn;
    }

    /** A forward-mode upstream: https://HOST[:PORT] and nothing more. */
    static URI upstream(URI upstream) {
        if (!"https".equals(upstream.getScheme()) || upstream.getHost() == null
                || !(upstream.getRawPath() == null || upstream.getRawPath().isEmpty()
                || upstream.getRawPath().equals("/"))) {
            throw new IllegalArgumentException("the upstream must be https://HOST[:PORT], not " + upstream);
        }
        return upstream;
    }

    static Duration notNegative(Duration duration, String what) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException(what + " cannot be negative");
        }
        return duration;
    }
}
