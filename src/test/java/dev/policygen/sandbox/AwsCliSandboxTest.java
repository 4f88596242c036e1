package dev.policygen.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.testing.Programs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI (botocore: a second, independent SigV4 signer and XML parser) against the sandbox
 * with --endpoint-url, and through the proxy with AWS_CA_BUNDLE. Fails where no working {@code aws}
 * is on the PATH (src/test/setup/awscli.sh installs one). The environment is rebuilt from scratch so
 * no profile, metadata service or real endpoint can be reached.
 */
class AwsCliSandboxTest {
    @TempDir
    static Path directory;
    private static Sandbox sandbox;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxClients.start(Sandbox.builder());
    }

    @AfterAll
    static void stop() throws Exception {
        sandbox.close();
    }

    private static String aws(boolean throughProxy, String... args) throws Exception {
        Path aws = Programs.awsCli();
        List<String> command = new ArrayList<>(List.of(aws.toString()));
        command.addAll(List.of(args));
        if (!throughProxy) {
            command.addAll(List.of("--endpoint-url", sandbox.ports().apiUrl()));
        }
        command.addAll(List.of("--output", "json"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("AWS_") || key.toLowerCase().endsWith("_proxy"));
        env.putAll(Map.of("AWS_ACCESS_KEY_ID", Sandbox.DEFAULT_ACCESS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY", Sandbox.DEFAULT_SECRET_ACCESS_KEY, "AWS_DEFAULT_REGION", "us-east-1",
                "AWS_EC2_METADATA_DISABLED", "true", "AWS_CONFIG_FILE", "/dev/null",
                "AWS_SHARED_CREDENTIALS_FILE", "/dev/null", "AWS_MAX_ATTEMPTS", "1", "NO_PROXY", ""));
        if (throughProxy) {
            env.put("HTTPS_PROXY", sandbox.ports().proxyUrl());
            env.put("AWS_CA_BUNDLE", sandbox.ports().caCertificate().toString());
        }
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "aws CLI did not finish in 60 s");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(!output.contains("command not found") && !output.contains("No module named"),
                "the aws on the PATH does not run: " + output);
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    @Test
    void awsCliWithEndpointUrl() throws Exception {
        assertTrue(aws(false, "route53", "list-hosted-zones").contains("\"Name\": \"example.com.\""));
        Path batch = directory.resolve("batch.json");
        Files.writeString(batch, "{\"Changes\":[{\"Action\":\"UPSERT\",\"ResourceRecordSet\":{\"Name\":"
                + "\"*.cli.example.com\",\"Type\":\"TXT\",\"TTL\":10,\"ResourceRecords\":[{\"Value\":\"\\\"cli\\\"\"}]}}]}");
        assertTrue(aws(false, "route53", "change-resource-record-sets", "--hosted-zone-id", SandboxClients.ZONE_ID,
                "--change-batch", "file://" + batch).contains("PENDING"));
        String listed = aws(false, "route53", "list-resource-record-sets", "--hosted-zone-id", SandboxClients.ZONE_ID,
                "--query", "ResourceRecordSets[?Type=='TXT'].Name");
        assertTrue(listed.contains("\\\\052.cli.example.com."), listed);
    }

    @Test
    void awsCliThroughTheProxy() throws Exception {
        assertTrue(aws(true, "route53", "get-hosted-zone", "--id", SandboxClients.ZONE_ID)
                .contains("\"Name\": \"example.com.\""));
    }
}
