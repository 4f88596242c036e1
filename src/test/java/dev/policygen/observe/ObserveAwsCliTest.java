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
}
