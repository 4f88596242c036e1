package dev.policygen.proof;

import dev.policygen.sandbox.Sandbox;
import dev.policygen.sandbox.SandboxPorts;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment both clients run in (docs/design/local-e2e.md §5): AWS's documentation example keys, no
 * profile or credential file, no metadata service, HTTPS (and any stray plain HTTP) to the sandbox's
 * CONNECT proxy, which serves route53.amazonaws.com with a certificate from the sandbox CA named by
 * AWS_CA_BUNDLE. Pebble on 127.0.0.1 is exempt from the proxy (certbot's requests would otherwise
 * tunnel it too). One retry at most, so a denial fails in a second instead of after back-offs.
 */
final class ClientEnvironment {
    private ClientEnvironment() {
    }

    static Map<String, String> isolated(Path home, SandboxPorts sandbox) {
        Map<String, String> environment = keysOnly(home);
        environment.put("AWS_CA_BUNDLE", sandbox.caCertificate().toString());
        environment.put("HTTPS_PROXY", sandbox.proxyUrl());
        environment.put("HTTP_PROXY", sandbox.proxyUrl());
        environment.put("NO_PROXY", "127.0.0.1,localhost");
        environment.put("AWS_MAX_RETRIES", "1");
        environment.put("AWS_MAX_ATTEMPTS", "1");
        return environment;
    }

    /**
     * The sandbox's keys and nothing else of AWS (no shared files, no metadata service), for a client
     * given the sandbox's endpoint directly rather than through its proxy.
     */
    static Map<String, String> keysOnly(Path home) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", "/usr/bin:/bin");
        environment.put("HOME", home.toString());
        environment.put("LANG", "C.UTF-8");
        environment.put("AWS_ACCESS_KEY_ID", Sandbox.DEFAULT_ACCESS_KEY_ID);
        environment.put("AWS_SECRET_ACCESS_KEY", Sandbox.DEFAULT_SECRET_ACCESS_KEY);
        environment.put("AWS_REGION", "us-east-1");
        environment.put("AWS_DEFAULT_REGION", "us-east-1");
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        environment.put("AWS_CONFIG_FILE", "/dev/null");
        environment.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        return environment;
    }
}
