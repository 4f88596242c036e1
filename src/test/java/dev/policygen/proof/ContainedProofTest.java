package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.model.PolicyDocument;
import dev.policygen.sandbox.Sandbox;
import dev.policygen.sandbox.SandboxClients;
import dev.policygen.testing.Programs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.Route53Exception;

/**
 * What the credentials of a generated policy cannot do, tried with other tools than the client: the
 * AWS SDK for Java v2 (plain API port and through the CONNECT proxy, as the clients reach it) and
 * the AWS CLI with --endpoint-url (src/test/setup/awscli.sh installs it). Under the lego and certbot
 * policies for example.test, *.example.test and www.example.test, an A record, a TXT record on a
 * name that is not a challenge name, and any write or read in another zone are all AccessDenied,
 * and the sandbox's call log agrees. Needs no ACME client, so it runs everywhere.
 */
class ContainedProofTest {
    static final String ZONE_ID = "Z0EXAMPLETEST";
    static final String OTHER_ZONE_ID = "Z0OTHERTEST";
    static final List<String> DOMAINS = List.of("example.test", "*.example.test", "www.example.test");

    @TempDir
    static Path directory;

    /** One thing the policy must not allow, as an SDK call and as the equivalent aws CLI arguments. */
    record Attempt(String description, String zoneId, ResourceRecordSet set, String action) {
        List<String> cliArguments(Path batchFile) {
            return List.of("route53", "change-resource-record-sets", "--hosted-zone-id", zoneId, "--change-batch",
                    "file://" + batchFile);
        }

        String batchJson() {
            StringBuilder values = new StringBuilder();
            for (ResourceRecord record : set.resourceRecords()) {
                values.append(values.length() == 0 ? "" : ",").append("{\"Value\":")
                        .append(dev.policygen.json.JsonWriter.quote(record.value())).append('}');
            }
            return "{\"Changes\":[{\"Action\":\"" + action + "\",\"ResourceRecordSet\":{\"Name\":\"" + set.name()
                    + "\",\"Type\":\"" + set.typeAsString() + "\",\"TTL\":" + set.ttl() + ",\"ResourceRecords\":["
                    + values + "]}}]}";
        }
    }

    static List<Attempt> attempts() {
        return List.of(
                new Attempt("an A record on www.example.test", ZONE_ID, set("www.example.test", RRType.A, "192.0.2.1"),
                        "UPSERT"),
                new Attempt("a TXT record at the apex (where SPF lives)", ZONE_ID,
                        set("example.test", RRType.TXT, "\"v=spf1 -all\""), "UPSERT"),
                new Attempt("a TXT record on a challenge name not on the certificate", ZONE_ID,
                        set("_acme-challenge.mail.example.test", RRType.TXT, "\"token\""), "UPSERT"),
                new Attempt("a challenge TXT record in another zone", OTHER_ZONE_ID,
                        set("_acme-challenge.other.test", RRType.TXT, "\"token\""), "UPSERT"),
                new Attempt("a CREATE of a challenge name (an action the policy lacks)", ZONE_ID,
                        set("_acme-challenge.example.test", RRType.TXT, "\"token\""), "CREATE"));
    }

    private static ResourceRecordSet set(String name, RRType type, String value) {
        return ResourceRecordSet.builder().name(name).type(type).ttl(60L)
                .resourceRecords(ResourceRecord.builder().value(value).build()).build();
    }

    @Test
    void legoWithZoneDiscovery() throws Exception {
        assertContained("lego", LegoProofTest.policy(false), null);
    }

    @Test
    void legoWithHostedZoneId() throws Exception {
        assertContained("lego-zone-id", LegoProofTest.policy(true), null);
    }

    @Test
    void certbot() throws Exception {
        assertContained("certbot", CertbotProofTest.policy(), null);
    }

    @Test
    void awsCliWithEndpointUrl() throws Exception {
        Path aws = Programs.awsCli();
        assertContained("cli-lego", LegoProofTest.policy(false), aws);
        assertContained("cli-lego-zone-id", LegoProofTest.policy(true), aws);
        assertContained("cli-certbot", CertbotProofTest.policy(), aws);
    }

    /** With the SDK (plain and proxied), or with the aws CLI when one is given. */
    private static void assertContained(String name, PolicyDocument policy, Path aws) throws Exception {
        Path runDirectory = directory.resolve(name);
        Files.createDirectories(runDirectory);
        Path policyFile = runDirectory.resolve("policy.json");
        Files.writeString(policyFile, dev.policygen.model.PolicyWriter.pretty(policy), StandardCharsets.UTF_8);
        Path callLog = runDirectory.resolve("calls.jsonl");
        try (Sandbox sandbox = Sandbox.builder().zone("example.test", ZONE_ID).zone("other.test", OTHER_ZONE_ID)
                .policy(policyFile).callLog(callLog).build().start();
                Route53Client plain = SandboxClients.plain(sandbox);
                Route53Client proxied = SandboxClients.throughProxy(sandbox)) {
            List<Executable> checks = new ArrayList<>();
            for (Attempt attempt : attempts()) {
                if (aws != null) {
                    checks.add(() -> assertCliDenied(aws, sandbox, runDirectory, attempt));
                } else {
                    checks.add(() -> assertSdkDenied("SDK, plain API: " + attempt.description(), plain, attempt));
                    checks.add(() -> assertSdkDenied("SDK, through the proxy: " + attempt.description(), proxied,
                            attempt));
                }
            }
            if (aws == null) {
                checks.add(() -> assertSdkDeniedRead("SDK: listing the other zone's records", plain));
            }
            assertAll(name + " policy", checks);
            for (ObservedCall call : ObservedCall.read(callLog)) {
                assertTrue(call.denied(), "the sandbox allowed " + call);
            }
        }
    }

    private static void assertSdkDenied(String what, Route53Client client, Attempt attempt) {
        Route53Exception denied = assertThrows(Route53Exception.class, () -> client.changeResourceRecordSets(r -> r
                .hostedZoneId(attempt.zoneId()).changeBatch(b -> b.changes(Change.builder()
                        .action(ChangeAction.fromValue(attempt.action())).resourceRecordSet(attempt.set()).build()))),
                what + " was allowed");
        assertEquals(403, denied.statusCode(), what);
        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode(), what);
    }

    private static void assertSdkDeniedRead(String what, Route53Client client) {
        Route53Exception denied = assertThrows(Route53Exception.class,
                () -> client.listResourceRecordSets(r -> r.hostedZoneId(OTHER_ZONE_ID)), what + " was allowed");
        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode(), what);
    }

    private static void assertCliDenied(Path aws, Sandbox sandbox, Path runDirectory, Attempt attempt)
            throws Exception {
        Path batch = Files.createTempFile(runDirectory, "batch", ".json");
        Files.writeString(batch, attempt.batchJson(), StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(aws.toString()));
        command.addAll(attempt.cliArguments(batch));
        command.addAll(List.of("--endpoint-url", sandbox.ports().apiUrl()));
        Map<String, String> environment = new LinkedHashMap<>(ClientEnvironment.isolated(runDirectory, sandbox.ports()));
        // the CLI talks to the plain API port here; a pyenv shim needs the caller's PATH and pyenv root
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.remove("HTTPS_PROXY");
        environment.remove("HTTP_PROXY");
        String pyenvRoot = System.getenv("PYENV_ROOT");
        if (pyenvRoot != null) {
            environment.put("PYENV_ROOT", pyenvRoot);
        }
        environment.put("HOME", System.getProperty("user.home"));
        ClientProcess.Outcome outcome = ClientProcess.run(command, environment, runDirectory, Duration.ofSeconds(60));
        String what = "aws CLI: " + attempt.description();
        assertNotEquals(0, outcome.exitCode(), what + " was allowed:\n" + outcome.output());
        assertTrue(outcome.output().contains("AccessDenied"), what + ":\n" + outcome.output());
    }
}
