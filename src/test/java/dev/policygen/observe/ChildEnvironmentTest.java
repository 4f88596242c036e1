package dev.policygen.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 22 as a class: whatever endpoint setting the caller's environment holds, for any
 * service and in both modes (fake key, or forwarding with the command's own credentials), none
 * reaches the command.
 */
class ChildEnvironmentTest {
    private static Map<String, String> callersEnvironment() {
        Map<String, String> environment = new HashMap<>();
        for (String name : new String[] {"AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_ROUTE_53", "AWS_ENDPOINT_URL_S3",
            "AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL_A_SERVICE_ADDED_LATER"}) {
            environment.put(name, "http://127.0.0.1:9");
        }
        environment.put("AWS_USE_FIPS_ENDPOINT", "true");
        environment.put("AWS_USE_DUALSTACK_ENDPOINT", "true");
        environment.put("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "false");
        environment.put("AWS_CA_BUNDLE", "/etc/ssl/other.pem");
        return environment;
    }

    @Test
    void noEndpointSettingReachesTheCommandInEitherMode() {
        for (ChildEnvironment.FakeCredentials credentials : new ChildEnvironment.FakeCredentials[] {
            new ChildEnvironment.FakeCredentials("AKID", "SECRET"), null}) {
            Map<String, String> environment = callersEnvironment();
            ChildEnvironment.apply(environment, "http://127.0.0.1:8888", Path.of("/tmp/ca.pem"), credentials);
            for (String name : environment.keySet()) {
                assertFalse(name.startsWith("AWS_ENDPOINT_URL"), name + " must not reach the command");
            }
            assertFalse(environment.containsKey("AWS_USE_FIPS_ENDPOINT"));
            assertFalse(environment.containsKey("AWS_USE_DUALSTACK_ENDPOINT"));
            assertEquals("true", environment.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"));
            assertEquals("/tmp/ca.pem", environment.get("AWS_CA_BUNDLE"));
        }
    }
}
