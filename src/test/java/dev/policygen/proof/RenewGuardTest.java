package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.sandbox.Sandbox;
import dev.policygen.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * renew's policy guard against real Pebble and a sandbox enforcing the same policy: a request the
 * policy denies is never sent and names the generate line that allows it, the other certificates
 * go on; an account key in S3 is read under exactly its object's grant; JSON logs are JSON.
 */
class RenewGuardTest extends RenewBedTest {
    @Test
    void aDomainOutsideTheGivenPolicyFailsWithoutSendingTheChange() throws Exception {
        String good = """
                  good:
                    domains: [good.example.test]
                    destinations: [{files: {dir: %s}}]
                """.formatted(dir.resolve("good"));
        Path goodOnly = bed.config(dir.resolve("good.yaml"), good);
        Path config = bed.config(dir.resolve("renew.yaml"), good + """
                  bad:
                    domains: [bad.example.test]
                    destinations: [{files: {dir: %s}}]
                """.formatted(dir.resolve("bad")));
        Path policy = RenewBed.policyFor(goodOnly, dir.resolve("policy.json"), Optional.empty(), false);
        try (Sandbox sandbox = bed.sandbox(dir.resolve("sandbox"), b -> b.policy(policy))) {
            CliRun run = bed.renew(sandbox, config, dir.resolve("state"), "--policy", policy.toString(),
                    "--log-format", "json");
            assertEquals(4, run.exit(), run.all());
            String failure = failure(run, "bad");
            for (String part : List.of("route53:ChangeResourceRecordSets", "arn:aws:route53:::hostedzone/"
                    + RenewBed.ZONE_ID, "_acme-challenge.bad.example.test", "allowed by: policygen generate")) {
                assertTrue(failure.contains(part), part + " in: " + failure);
            }
            assertEquals("renewed", outcome(run, "good"), run.out());
            assertFalse(run.out().contains("\"event\":\"renewing\",\"cert\":\"bad\""),
                    "no order for a certificate whose records the policy denies: " + run.out());
            List<ObservedCall> calls = RenewBed.calls(sandbox);
            assertFalse(calls.stream().anyMatch(c -> c.recordNames().contains("_acme-challenge.bad.example.test")),
                    "the denied change was never sent: " + calls);
            assertTrue(calls.stream().anyMatch(c -> c.recordNames().contains("_acme-challenge.good.example.test")));
            RenewDestinationsTest.assertNoDenial(sandbox);
        }
    }

    /**
     * Issue 13 (name groups): --policy is repeatable, as generate --split writes several documents, and the files
     * are one policy: a certificate only the second file allows would renew, one neither allows fails naming the
     * generate line, and the start line names both files.
     */
    @Test
    void twoPolicyFilesAreBothRead() throws Exception {
        String first = """
                  first:
                    domains: [first.example.test]
                    destinations: [{files: {dir: %s}}]
                """.formatted(dir.resolve("first"));
        String second = """
                  second:
                    domains: [second.example.test]
                    destinations: [{files: {dir: %s}}]
                """.formatted(dir.resolve("second"));
        Path firstPolicy = RenewBed.policyFor(bed.config(dir.resolve("first.yaml"), first),
                dir.resolve("renew-1.json"), Optional.empty(), false);
        Path secondPolicy = RenewBed.policyFor(bed.config(dir.resolve("second.yaml"), second),
                dir.resolve("renew-2.json"), Optional.empty(), false);
        Path config = bed.config(dir.resolve("renew.yaml"), first + second + """
                  neither:
                    domains: [neither.example.test]
                    destinations: [{files: {dir: %s}}]
                """.formatted(dir.resolve("neither")));
        try (Sandbox sandbox = bed.sandbox(dir.resolve("sandbox"), b -> b.policy(firstPolicy).policy(secondPolicy))) {
            CliRun dry = bed.renew(sandbox, config, dir.resolve("state"), "--policy", firstPolicy.toString(),
                    "--policy", secondPolicy.toString(), "--dry-run", "--log-format", "json");
            assertEquals(4, dry.exit(), dry.all());
            assertTrue(dry.out().contains("\"policy\":\"" + firstPolicy + "," + secondPolicy + "\""),
                    "the start line names both files: " + dry.out());
            for (String allowed : List.of("first", "second")) {
                assertEquals("skipped", outcome(dry, allowed), dry.out());
                assertTrue(text(summary(dry, allowed), "detail").startsWith("dry run; would renew"), dry.out());
            }
            String failure = failure(dry, "neither");
            for (String part : List.of("route53:ChangeResourceRecordSets", "_acme-challenge.neither.example.test",
                    "allowed by: policygen generate")) {
                assertTrue(failure.contains(part), part + " in: " + failure);
            }
            RenewDestinationsTest.assertNoDenial(sandbox);
        }
    }

    @Test
    void anIamDestinationOutsideThePolicyFailsBeforeAnyUpload() throws Exception {
        String destination = """
                  www:
                    domains: [www.example.test]
                    destinations: [{iam-server-certificate: {namePrefix: %s}}]
                """;
        Path config = bed.config(dir.resolve("renew.yaml"), destination.formatted("www"));
        // a policy for another prefix: it grants no iam:UploadServerCertificate on www-*
        Path other = bed.config(dir.resolve("other.yaml"), destination.formatted("other"));
        Path policy = RenewBed.policyFor(other, dir.resolve("policy.json"), Optional.of(RenewBed.ACCOUNT), false);
        try (Sandbox sandbox = bed.sandbox(dir.resolve("sandbox"), b -> b.policy(policy))) {
            CliRun dry = bed.renewInAccount(sandbox, config, dir.resolve("state"), "--policy",
                    policy.toString(), "--dry-run");
            assertEquals(4, dry.exit(), "a dry run tells the policy falls short: " + dry.all());
            assertTrue(dry.out().contains("the policy denies iam:UploadServerCertificate"), dry.all());
            CliRun run = bed.renewInAccount(sandbox, config, dir.resolve("state"), "--policy",
                    policy.toString());
            assertEquals(4, run.exit(), run.all());
            assertTrue(run.out().contains("the policy denies iam:UploadServerCertificate on "
                    + "arn:aws:iam::123456789012:server-certificate/www-"), run.all());
            assertFalse(run.out().contains("event=issued"), "nothing ordered that could not be delivered: "
                    + run.out());
            List<ObservedCall> calls = RenewBed.calls(sandbox);
            assertFalse(calls.stream().anyMatch(c -> "iam:UploadServerCertificate".equals(c.action())
                    || "route53:ChangeResourceRecordSets".equals(c.action())),
                    calls.toString());
            assertTrue(sandbox.serverCertificates().isEmpty());
            RenewDestinationsTest.assertNoDenial(sandbox);
        }
    }

    @Test
    void anAccountKeyInS3IsRegisteredThenReadUnderExactlyItsGrant() throws Exception {
        String uri = "s3://keys/acme/account.pem";
        Path sandboxState = dir.resolve("sandbox");
        try (Sandbox seeding = bed.sandbox(sandboxState, b -> b.bucket("keys"))) {
            CliRun register = RenewBed.run("register", "--email", "ops@example.com", "--account-key", uri,
                    "--directory", bed.pebble.directoryUrl(), "--acme-ca", bed.pebble.tlsCaFile().toString(),
                    "--agree-tos", "--aws-endpoint", "http://127.0.0.1:" + seeding.ports().api());
            assertEquals(0, register.exit(), register.all());
            assertTrue(new String(seeding.object("keys", "acme/account.pem").orElseThrow(), StandardCharsets.US_ASCII)
                    .contains("PRIVATE KEY"));
        }
        Path config = dir.resolve("renew.yaml");
        Files.writeString(config, """
                accountKey: %s
                directory: %s
                certificates:
                  s3key:
                    domains: [s3key.example.test]
                    destinations: [{files: {dir: %s}}]
                """.formatted(uri, bed.pebble.directoryUrl(), dir.resolve("certs")), StandardCharsets.UTF_8);
        Path policy = RenewBed.policyFor(config, dir.resolve("policy.json"), Optional.empty(), false);
        String document = Files.readString(policy, StandardCharsets.UTF_8);
        assertTrue(document.contains("\"s3:GetObject\"") && document.contains("\"arn:aws:s3:::keys/acme/account.pem\""),
                document);
        assertEquals(1, document.split("arn:aws:s3:", -1).length - 1, "one S3 resource: " + document);
        assertEquals(1, document.split("\"s3:", -1).length - 1, "one S3 action: " + document);
        try (Sandbox sandbox = bed.sandbox(sandboxState, b -> b.bucket("keys").policy(policy))) {
            int before = RenewBed.calls(sandbox).size();
            CliRun dry = bed.renew(sandbox, config, dir.resolve("state"), "--dry-run");
            assertEquals(0, dry.exit(), dry.all());
            assertTrue(dry.out().contains("would renew"), dry.out());
            assertTrue(RenewBed.calls(sandbox).stream().skip(before).noneMatch(c -> c.action() != null
                    && c.action().equals("route53:ChangeResourceRecordSets")), "a dry run changes nothing");
            CliRun run = bed.renew(sandbox, config, dir.resolve("state"), "--log-format", "json");
            assertEquals(0, run.exit(), run.all());
            assertEquals("renewed", outcome(run, "s3key"), run.out());
            assertTrue(RenewBed.calls(sandbox).stream().anyMatch(c -> "s3:GetObject".equals(c.action())
                    && "arn:aws:s3:::keys/acme/account.pem".equals(c.resource())));
            RenewDestinationsTest.assertNoDenial(sandbox, before);
        }
    }

    /** Every stdout line of a JSON-format run is a JSON object; the summary line of {@code certificate}. */
    private static JsonNode.JsonObject summary(CliRun run, String certificate) throws Exception {
        JsonNode.JsonObject found = null;
        for (String line : run.out().split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node = JsonReader.read(line, "stdout");
            assertTrue(node instanceof JsonNode.JsonObject, line);
            JsonNode.JsonObject object = (JsonNode.JsonObject) node;
            if (text(object, "event").equals("summary") && text(object, "certificate").equals(certificate)) {
                found = object;
            }
        }
        assertTrue(found != null, "a summary line for " + certificate + ": " + run.out());
        return found;
    }

    private static String outcome(CliRun run, String certificate) throws Exception {
        return text(summary(run, certificate), "outcome");
    }

    private static String failure(CliRun run, String certificate) throws Exception {
        assertEquals("failed", outcome(run, certificate), run.out());
        return text(summary(run, certificate), "detail");
    }

    private static String text(JsonNode.JsonObject object, String key) {
        return object.get(key).filter(JsonNode.JsonString.class::isInstance)
                .map(v -> ((JsonNode.JsonString) v).value()).orElse("");
    }
}
