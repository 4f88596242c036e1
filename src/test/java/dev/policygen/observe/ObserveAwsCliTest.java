package dev.policygen.observe;

import static dev.policygen.observe.ObserveRuns.DOMAIN;
import static dev.policygen.observe.ObserveRuns.ZONE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.model.PolicyDocument;
import dev.policygen.model.PolicyReader;
import dev.policygen.model.Statement;
import dev.policygen.testing.CliRun;
import dev.policygen.testing.Programs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * observe with the AWS CLI (botocore, which honours HTTPS_PROXY and AWS_CA_BUNDLE by itself) as
 * the child: it lists the zones and UPSERTs a TXT record through the proxy. Fails where no working
 * {@code aws} is on the PATH (src/test/setup/awscli.sh installs one).
 */
@Timeout(180)
class ObserveAwsCliTest {
    @TempDir
    Path directory;

    @Test
    void listAndChangeAreTabledAndDerived() throws Exception {
        Path aws = Programs.awsCli();
        String batch = "{\"Changes\":[{\"Action\":\"UPSERT\",\"ResourceRecordSet\":{\"Name\":\"_acme-challenge."
                + DOMAIN + "\",\"Type\":\"TXT\",\"TTL\":60,\"ResourceRecords\":[{\"Value\":\"\\\"token\\\"\"}]}}]}";
        Path derived = directory.resolve("derived.json");
        // one attempt each: a failure shows at once instead of after botocore's retries
        CliRun run = ObserveRuns.observe(List.of("--zone", DOMAIN + "=" + ZONE_ID, "--derive", derived.toString()),
                List.of("env", "AWS_MAX_ATTEMPTS=1", "sh", "-c", "\"$0\" route53 list-hosted-zones --output text"
                        + " && \"$0\" route53 change-resource-record-sets --hosted-zone-id " + ZONE_ID
                        + " --change-batch \"$1\" --output text", aws.toString(), batch));

        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("/hostedzone/" + ZONE_ID), "the CLI's own output: " + run.out());
        assertTrue(run.out().lines().anyMatch(line -> line.contains("route53:ListHostedZones ")
                && line.contains(" * ")), run.out());
        assertTrue(run.out().lines().anyMatch(line -> line.contains("route53:ChangeResourceRecordSets")
                && line.contains("arn:aws:route53:::hostedzone/" + ZONE_ID)
                && line.contains("UPSERT TXT _acme-challenge." + DOMAIN) && line.contains(" 200")), run.out());
        assertTrue(run.out().contains("2 AWS calls, 0 denied"), run.out());

        PolicyDocument policy = PolicyReader.read(Files.readString(derived), derived.toString());
        List<Statement> statements = policy.statements();
        assertEquals(2, statements.size(), Files.readString(derived));
        assertEquals("DiscoverHostedZones", statements.get(0).sid().orElseThrow());
        assertEquals(List.of("route53:ListHostedZones"), statements.get(0).actions().texts());
        assertEquals("ChangeChallengeRecords" + ZONE_ID, statements.get(1).sid().orElseThrow());
        String change = Files.readString(derived);
        assertTrue(change.contains("\"route53:ChangeResourceRecordSetsActions\": [\n            \"UPSERT\"\n"), change);
        assertTrue(change.contains("\"_acme-challenge." + DOMAIN + "\""), change);
        assertTrue(change.contains("\"route53:ChangeResourceRecordSetsRecordTypes\": [\n            \"TXT\"\n"), change);
    }

    /**
     * Issue 10 item 22: endpoint settings in policygen's own environment (as a developer's shell or CI
     * has them) must not let the AWS CLI bypass the sandbox. policygen runs in its own JVM here so
     * that its environment can hold them; they point at a closed loopback port, so a call that
     * followed them would fail instead of being observed. With --format json, stdout is the JSON
     * document alone and the CLI's output goes to stderr.
     */
    @Test
    void endpointVariablesInTheEnvironmentCannotBypassTheSandbox() throws Exception {
        Path aws = Programs.awsCli();
        Path denyAll = directory.resolve("deny.json");
        Files.writeString(denyAll, "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", "
                + "\"Action\": \"route53:GetChange\", \"Resource\": \"*\"}]}");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "dev.policygen.cli.Main", "observe", "--zone",
                DOMAIN + "=" + ZONE_ID, "--policy", denyAll.toString(), "--format", "json", "--",
                "env", "AWS_MAX_ATTEMPTS=1", aws.toString(), "route53", "list-hosted-zones", "--output", "text");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(directory.resolve("out").toFile()).redirectError(directory.resolve("err").toFile());
        String closed = "http://127.0.0.1:9";
        for (String name : List.of("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_ROUTE_53", "AWS_ENDPOINT_URL_S3",
                "AWS_ENDPOINT_URL_IAM", "AWS_ENDPOINT_URL_ACM", "AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING",
                "AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2")) {
            builder.environment().put(name, closed);
        }
        builder.environment().put("AWS_USE_FIPS_ENDPOINT", "true");
        builder.environment().put("AWS_USE_DUALSTACK_ENDPOINT", "true");
        int exit = builder.start().waitFor();
        String out = Files.readString(directory.resolve("out"));
        String err = Files.readString(directory.resolve("err"));

        // the call reached the sandbox, was denied by --policy there, and observe says so
        assertEquals(1, exit, out + err);
        assertTrue(err.contains("AccessDenied"), "the CLI's own error, on stderr: " + err);
        com.fasterxml.jackson.databind.JsonNode table = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out);
        assertEquals("route53:ListHostedZones", table.findValue("action").asText(), out);
        assertTrue(out.strip().startsWith("{") && out.strip().endsWith("}"), "stdout is one JSON document: " + out);
    }
}
