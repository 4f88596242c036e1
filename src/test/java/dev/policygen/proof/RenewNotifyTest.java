package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.AwsFailure;
import dev.policygen.aws.SdkAwsServices;
import dev.policygen.generate.ZoneRef;
import dev.policygen.model.PolicyWriter;
import dev.policygen.renew.config.RenewConfigReader;
import dev.policygen.renew.guard.RenewPolicy;
import dev.policygen.sandbox.AwsResources;
import dev.policygen.sandbox.Sandbox;
import dev.policygen.testing.CliRun;
import dev.policygen.testing.RefusedPort;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * renew --notify against real Pebble, the sandbox (SNS Publish under the generated policy) and a local
 * HTTPS webhook receiver: one message per event, the guard allowing only the configured topic, a
 * signed webhook body, and a failing receiver that never changes the renewal's outcome.
 */
class RenewNotifyTest extends RenewBedTest {
    private static final String TOPIC = "arn:aws:sns:us-east-1:" + RenewBed.ACCOUNT + ":certificate-events";
    private static final String OTHER_TOPIC = "arn:aws:sns:us-east-1:" + RenewBed.ACCOUNT + ":other-events";

    private Path filesConfig(String domain) throws Exception {
        return bed.config(dir.resolve("renew.yaml"), """
                  www:
                    domains: [%s]
                    destinations:
                      - files: {dir: %s}
                """.formatted(domain, dir.resolve("www")));
    }

    /** The policy renew's guard makes for the config with --notify sns:TOPIC, as the sandbox's policy. */
    private Path policyWithTopic(Path config) throws Exception {
        RenewPolicy policy = RenewPolicy.of(RenewConfigReader.read(config),
                List.of(ZoneRef.parse(RenewBed.ZONE + "=" + RenewBed.ZONE_ID)), Optional.of(RenewBed.REGION),
                Optional.empty(), false, List.of(TOPIC));
        assertTrue(policy.commandLine().contains("--notify-topic " + TOPIC), policy.commandLine());
        Path file = dir.resolve("policy.json");
        Files.writeString(file, PolicyWriter.pretty(policy.document()), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void snsPublishesOneMessagePerEventOnlyToTheConfiguredTopic() throws Exception {
        Path config = filesConfig("www.example.test");
        Path policy = policyWithTopic(config);
        Path state = dir.resolve("state");
        try (Sandbox sandbox = bed.sandbox(dir.resolve("sandbox"), b -> b.policy(policy).topic(TOPIC)
                .topic(OTHER_TOPIC))) {
            CliRun run = bed.renew(sandbox, config, state, "--notify", "sns:" + TOPIC);
            assertEquals(0, run.exit(), run.all());
            List<AwsResources.PublishedMessage> published = sandbox.publishedMessages();
            assertEquals(1, published.size(), published.toString());
            assertEquals(TOPIC, published.get(0).topicArn());
            assertEquals("policygen renew: renewed www", published.get(0).subject());
            assertTrue(published.get(0).message().startsWith("{\"event\":\"renewed\",\"certificate\":\"www\""),
                    published.get(0).message());
            assertTrue(published.get(0).message().contains(dir.resolve("www").toString()), "the destination");
            assertTrue(run.out().lines().anyMatch(l -> l.contains("notify") && l.contains("message-id="
                    + published.get(0).messageId())), run.out());
            RenewDestinationsTest.assertNoDenial(sandbox);

            // under the same policy, another topic is refused by renew's guard before anything is sent;
            // the renewal still succeeds and the failure is one log line
            CliRun other = bed.renew(sandbox, config, state, "--force-issue", "--policy", policy.toString(),
                    "--notify", "sns:" + OTHER_TOPIC);
            assertEquals(0, other.exit(), other.all());
            assertEquals(1, sandbox.publishedMessages().size(), "nothing published to " + OTHER_TOPIC);
            List<String> failed = other.out().lines().filter(l -> l.contains("notify.failed")).toList();
            assertEquals(1, failed.size(), other.out());
            assertTrue(failed.get(0).contains("sns:Publish") && failed.get(0).contains(OTHER_TOPIC), failed.get(0));
            RenewDestinationsTest.assertNoDenial(sandbox);

            // the sandbox enforces the policy itself, with SNS's error codes
            try (SdkAwsServices aws = RenewBed.services(sandbox)) {
                AwsFailure denied = assertThrows(AwsFailure.class,
                        () -> aws.topics().publish(OTHER_TOPIC, "s", "m"));
                assertEquals("AuthorizationError", denied.code().orElse(null), denied.getMessage());
                assertEquals(403, denied.status());
            }
        }
        try (Sandbox open = bed.sandbox(dir.resolve("sandbox-open"), b -> b.topic(TOPIC));
                SdkAwsServices aws = RenewBed.services(open)) {
            assertNotEquals("", aws.topics().publish(TOPIC, "subject", "body"));
            AwsFailure missing = assertThrows(AwsFailure.class, () -> aws.topics().publish(OTHER_TOPIC, "s", "m"));
            assertEquals("NotFound", missing.code().orElse(null), missing.getMessage());
            assertTrue(missing.getMessage().contains("Topic does not exist"), missing.getMessage());
        }
    }

    @Test
    void webhookGetsTheSignedJsonAndFailingReceiversNeverFailTheRenewal() throws Exception {
        Path config = filesConfig("www.example.test");
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "s3cret\n", StandardCharsets.UTF_8);
        try (RefusedPort closed = RefusedPort.bind(); Sandbox sandbox = bed.sandbox(dir.resolve("sandbox"), b -> { });
                HttpsReceiver ok = HttpsReceiver.start(Files.createDirectories(dir.resolve("ok")), 200);
                HttpsReceiver broken = HttpsReceiver.start(Files.createDirectories(dir.resolve("broken")), 500)) {
            // one CA file for both receivers' self-signed certificates
            Path ca = dir.resolve("ca.pem");
            Files.writeString(ca, Files.readString(ok.caFile()) + Files.readString(broken.caFile()));
            CliRun run = bed.renew(sandbox, config, dir.resolve("state"),
                    "--notify", ok.uri("/hook?token=abc").toString(),
                    "--notify", broken.uri("/hook").toString(),
                    "--notify", "https://localhost:" + closed.port() + "/hook",
                    "--notify-secret-file", secret.toString(), "--notify-ca", ca.toString());
            assertEquals(0, run.exit(), run.all());
            assertTrue(run.out().contains("www") && run.out().contains("renewed"), run.all());

            assertEquals(1, ok.received().size());
            HttpsReceiver.Received hook = ok.received().get(0);
            assertTrue(hook.body().startsWith("{\"event\":\"renewed\",\"certificate\":\"www\""), hook.body());
            assertEquals("renewed", hook.header("X-Policygen-Event"));
            assertEquals("sha256=" + hmac("s3cret", hook.body()), hook.header("X-Policygen-Signature"));
            assertEquals(1, broken.received().size(), "the failing receiver was asked once");

            List<String> failed = run.out().lines().filter(l -> l.contains("notify.failed")).toList();
            assertEquals(2, failed.size(), run.out());
            assertTrue(failed.stream().anyMatch(l -> l.contains("HTTP 500") && l.contains(broken.uri("/hook").toString())),
                    "the failing receiver is named: " + failed);
            assertTrue(failed.stream().anyMatch(l -> l.contains(":" + closed.port() + "/hook")
                    && l.contains("connection refused")), failed.toString());
            assertTrue(run.out().lines().noneMatch(l -> l.contains("token=abc")), "a webhook's query is not logged");
        }
    }

    /**
     * Notifications from the renew config alone (its notify key), no --notify option: renew's own policy
     * grants sns:Publish on the config's topic, the sandbox enforces it, and the config's webhook is signed
     * with its own secret file and verified with its own CA file.
     */
    @Test
    void notifyFromTheConfigAlonePublishesAndPostsUnderRenewsOwnPolicy() throws Exception {
        Path secret = dir.resolve("hook-secret");
        Files.writeString(secret, "from-config\n", StandardCharsets.UTF_8);
        try (HttpsReceiver receiver = HttpsReceiver.start(Files.createDirectories(dir.resolve("hook")), 200)) {
            Path config = filesConfig("www.example.test");
            Files.writeString(config, Files.readString(config) + """
                    notify:
                      targets:
                        - sns:%s
                        - uri: %s
                          secretFile: %s
                          caFile: %s
                      expiringDays: 3
                    """.formatted(TOPIC, receiver.uri("/config-hook"), secret, receiver.caFile()));
            // the policy renew generates for this config names the config's topic, and only it
            RenewPolicy own = RenewPolicy.of(RenewConfigReader.read(config),
                    List.of(ZoneRef.parse(RenewBed.ZONE + "=" + RenewBed.ZONE_ID)), Optional.of(RenewBed.REGION),
                    Optional.empty(), false);
            assertTrue(own.commandLine().contains("--notify-topic " + TOPIC), own.commandLine());
            assertTrue(!own.commandLine().contains(OTHER_TOPIC), own.commandLine());
            Path policy = dir.resolve("policy.json");
            Files.writeString(policy, PolicyWriter.pretty(own.document()), StandardCharsets.UTF_8);
            try (Sandbox sandbox = bed.sandbox(dir.resolve("sandbox"), b -> b.policy(policy).topic(TOPIC)
                    .topic(OTHER_TOPIC))) {
                CliRun run = bed.renew(sandbox, config, dir.resolve("state"));
                assertEquals(0, run.exit(), run.all());
                List<AwsResources.PublishedMessage> published = sandbox.publishedMessages();
                assertEquals(1, published.size(), published.toString());
                assertEquals(TOPIC, published.get(0).topicArn());
                assertTrue(published.get(0).message().startsWith("{\"event\":\"renewed\",\"certificate\":\"www\""),
                        published.get(0).message());
                assertTrue(run.out().lines().anyMatch(l -> l.contains("start") && l.contains("--notify-topic "
                        + TOPIC)), "the start line's generate line grants the config's topic: " + run.out());
                assertEquals(1, receiver.received().size(), run.all());
                HttpsReceiver.Received hook = receiver.received().get(0);
                assertEquals("renewed", hook.header("X-Policygen-Event"));
                assertEquals("sha256=" + hmac("from-config", hook.body()), hook.header("X-Policygen-Signature"));
                assertTrue(run.out().lines().noneMatch(l -> l.contains("notify.failed")), run.out());
                RenewDestinationsTest.assertNoDenial(sandbox);

                // a secret file that cannot be read is the run's bad input, found before any order
                Path missing = dir.resolve("no-such-secret");
                Files.writeString(config, Files.readString(config).replace(secret.toString(), missing.toString()));
                CliRun bad = bed.renew(sandbox, config, dir.resolve("state"), "--force-issue");
                assertEquals(3, bad.exit(), bad.all());
                assertTrue(bad.err().contains(missing.toString()), bad.err());
                assertTrue(bad.out().lines().noneMatch(l -> l.contains("renewed")), "no order: " + bad.out());
                assertEquals(1, sandbox.publishedMessages().size());
            }
        }
    }

    @Test
    void aFailedRenewalIsSentWithItsReasonAndKeepsItsExitCode() throws Exception {
        // a name in no zone of the sandbox fails; the notification says why, and the exit code is renew's own
        Path config = filesConfig("www.elsewhere.test");
        try (Sandbox sandbox = bed.sandbox(dir.resolve("sandbox"), b -> { });
                HttpsReceiver receiver = HttpsReceiver.start(dir, 200)) {
            CliRun without = bed.renew(sandbox, config, dir.resolve("state0"));
            CliRun run = bed.renew(sandbox, config, dir.resolve("state"), "--notify", receiver.uri("/").toString(),
                    "--notify-ca", receiver.caFile().toString());
            assertNotEquals(0, run.exit(), run.all());
            assertEquals(without.exit(), run.exit(), "the same exit code with and without --notify");
            assertEquals(1, receiver.received().size(), run.all());
            String body = receiver.received().get(0).body();
            assertTrue(body.startsWith("{\"event\":\"failed\",\"certificate\":\"www\""), body);
            assertTrue(body.contains("\"reason\":\"") && !body.contains("\"reason\":null"), body);
        }
    }

    private static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
