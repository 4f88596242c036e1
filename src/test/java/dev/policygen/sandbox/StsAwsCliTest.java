package dev.policygen.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.testing.Programs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real AWS CLI (botocore: its own Query serializer, XML parser and signer, and its unsigned
 * AssumeRoleWithWebIdentity) against the sandbox's STS with --endpoint-url: get-caller-identity,
 * assume-role-with-web-identity, assume-role into the DNS account with the external id, then a Route 53
 * change with those credentials; and the refusals as the CLI prints them. Fails where no working
 * {@code aws} is on the PATH (src/test/setup/awscli.sh installs one). The environment is rebuilt from
 * scratch: static fake keys or session keys only, no profile, no metadata service.
 */
class StsAwsCliTest {
    @TempDir
    static Path directory;
    private static Sandbox sandbox;

    @BeforeAll
    static void start() throws Exception {
        sandbox = StsScenario.start(directory, Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        sandbox.close();
    }

    private record Run(int exit, String output) {
    }

    /** The CLI with {@code keys} (null: none at all, as a pod with only its token) against the API port. */
    private static Run aws(Map<String, String> keys, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Programs.awsCli().toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", sandbox.ports().apiUrl(), "--output", "json"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(key -> key.startsWith("AWS_") || key.toLowerCase().endsWith("_proxy"));
        env.putAll(Map.of("AWS_DEFAULT_REGION", "us-east-1", "AWS_EC2_METADATA_DISABLED", "true",
                "AWS_CONFIG_FILE", "/dev/null", "AWS_SHARED_CREDENTIALS_FILE", "/dev/null", "AWS_MAX_ATTEMPTS", "1",
                "NO_PROXY", ""));
        if (keys != null) {
            env.putAll(keys);
        }
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "aws CLI did not finish in 60 s");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(!output.contains("command not found") && !output.contains("No module named"),
                "the aws on the PATH does not run: " + output);
        return new Run(process.exitValue(), output);
    }

    private static JsonNode.JsonObject ok(Run run) throws Exception {
        assertEquals(0, run.exit(), run.output());
        return (JsonNode.JsonObject) JsonReader.read(run.output(), "aws output");
    }

    private static String text(JsonNode.JsonObject object, String... path) {
        JsonNode node = object;
        for (String key : path) {
            node = ((JsonNode.JsonObject) node).get(key).orElseThrow();
        }
        return ((JsonNode.JsonString) node).value();
    }

    private static Map<String, String> sessionKeys(JsonNode.JsonObject assumed) {
        Map<String, String> keys = new HashMap<>();
        keys.put("AWS_ACCESS_KEY_ID", text(assumed, "Credentials", "AccessKeyId"));
        keys.put("AWS_SECRET_ACCESS_KEY", text(assumed, "Credentials", "SecretAccessKey"));
        keys.put("AWS_SESSION_TOKEN", text(assumed, "Credentials", "SessionToken"));
        return keys;
    }

    private static final Map<String, String> STATIC_KEYS = Map.of("AWS_ACCESS_KEY_ID", Sandbox.DEFAULT_ACCESS_KEY_ID,
            "AWS_SECRET_ACCESS_KEY", Sandbox.DEFAULT_SECRET_ACCESS_KEY);

    @Test
    void webIdentityThenCrossAccountChallengeRecord() throws Exception {
        assertEquals(StsScenario.USER, text(ok(aws(STATIC_KEYS, "sts", "get-caller-identity")), "Arn"));
        String token = sandbox.webIdentityToken(StsScenario.SUBJECT, "sts.amazonaws.com", Clock.systemUTC().instant(),
                Duration.ofHours(1));
        JsonNode.JsonObject workload = ok(aws(null, "sts", "assume-role-with-web-identity", "--role-arn",
                StsScenario.WORKLOAD_ROLE, "--role-session-name", "lego-pod", "--web-identity-token", token));
        assertEquals("arn:aws:sts::111111111111:assumed-role/workload/lego-pod", text(workload, "AssumedRoleUser", "Arn"));
        assertEquals(StsScenario.SUBJECT, text(workload, "SubjectFromWebIdentityToken"));
        Map<String, String> workloadKeys = sessionKeys(workload);
        assertEquals("arn:aws:sts::111111111111:assumed-role/workload/lego-pod",
                text(ok(aws(workloadKeys, "sts", "get-caller-identity")), "Arn"));
        Run wrongId = aws(workloadKeys, "sts", "assume-role", "--role-arn", StsScenario.DNS_ROLE, "--role-session-name",
                "acme", "--external-id", "not-it");
        assertTrue(wrongId.exit() != 0, wrongId.output());
        assertTrue(wrongId.output().contains("An error occurred (AccessDenied) when calling the AssumeRole operation: "
                + "User: arn:aws:sts::111111111111:assumed-role/workload/lego-pod is not authorized to perform: "
                + "sts:AssumeRole on resource: " + StsScenario.DNS_ROLE), wrongId.output());
        JsonNode.JsonObject dns = ok(aws(workloadKeys, "sts", "assume-role", "--role-arn", StsScenario.DNS_ROLE,
                "--role-session-name", "acme", "--external-id", StsScenario.EXTERNAL_ID, "--duration-seconds", "900"));
        assertTrue(text(dns, "Credentials", "AccessKeyId").startsWith("ASIA"));
        Map<String, String> dnsKeys = sessionKeys(dns);
        Path batch = directory.resolve("txt.json");
        Files.writeString(batch, "{\"Changes\":[{\"Action\":\"UPSERT\",\"ResourceRecordSet\":{\"Name\":"
                + "\"_acme-challenge.example.com\",\"Type\":\"TXT\",\"TTL\":60,\"ResourceRecords\":[{\"Value\":"
                + "\"\\\"cli\\\"\"}]}}]}");
        assertTrue(ok(aws(dnsKeys, "route53", "change-resource-record-sets", "--hosted-zone-id", StsScenario.DNS_ZONE,
                "--change-batch", "file://" + batch)).toString().contains("PENDING"));
        Run workloadAlone = aws(workloadKeys, "route53", "change-resource-record-sets", "--hosted-zone-id",
                StsScenario.DNS_ZONE, "--change-batch", "file://" + batch);
        assertTrue(workloadAlone.output().contains("(AccessDenied) when calling the ChangeResourceRecordSets operation: "
                + "User: arn:aws:sts::111111111111:assumed-role/workload/lego-pod is not authorized to access this "
                + "resource"), workloadAlone.output());
    }

    @Test
    void aTokenForAnotherServiceAccountIsRefused() throws Exception {
        String token = sandbox.webIdentityToken("system:serviceaccount:acme:other", "sts.amazonaws.com",
                Clock.systemUTC().instant(), Duration.ofHours(1));
        Run run = aws(null, "sts", "assume-role-with-web-identity", "--role-arn", StsScenario.WORKLOAD_ROLE,
                "--role-session-name", "other-pod", "--web-identity-token", token);
        assertTrue(run.output().contains("An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity "
                + "operation: Not authorized to perform sts:AssumeRoleWithWebIdentity"), run.output());
    }
}
