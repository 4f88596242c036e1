package dev.policygen.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** policygen deliver's options, exit codes and dry run, in process; nothing here reaches AWS or a sandbox. */
class DeliverCommandTest {
    static final String LISTENER = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/"
            + "50dc6c495c0c9188/0000000000000001";
    static final String ACM = "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";
    static final String IAM_ON_ELB = "iam-server-certificate: {namePrefix: www, elb: {name: web-lb, port: 443}}";

    @TempDir
    Path dir;
    Path cert;
    Path key;

    @BeforeEach
    void files() throws Exception {
        TestCertificate issued = TestCertificate.valid("www.example.test", "EC");
        cert = issued.write(dir.resolve("live/fullchain.pem"), issued.fullchainPem());
        key = issued.write(dir.resolve("live/privkey.pem"), issued.pkcs8Key());
    }

    private CliRun deliver(String... extra) {
        List<String> args = new ArrayList<>(List.of("deliver", "--cert", cert.toString(), "--key", key.toString(),
                "--state-dir", dir.resolve("state").toString()));
        args.addAll(Arrays.asList(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aDryRunPrintsEveryRequestItWouldSendAndSendsNone() {
        // no endpoint and no credentials: a request sent would fail the run
        CliRun run = deliver("--to", IAM_ON_ELB, "--to", "elbv2: {listenerArn: " + LISTENER + "}",
                "--to", "acm: {certificateArn: " + ACM + "}", "--aws-region", "us-east-1", "--dry-run",
                "--aws-endpoint", "http://127.0.0.1:9");
        assertEquals(0, run.exit(), run.all());
        List<String> would = run.lines().stream().filter(l -> l.startsWith("would send: ")).toList();
        assertEquals(List.of(
                "elasticloadbalancing:DescribeLoadBalancers web-lb",
                "elasticloadbalancing:DescribeListeners " + LISTENER,
                "acm:GetCertificate " + ACM,
                "iam:UploadServerCertificate www-",
                "elasticloadbalancing:SetLoadBalancerListenerSSLCertificate web-lb:443 -> arn:aws:iam::123456789012:"
                        + "server-certificate/www-",
                "acm:ImportCertificate as new",
                "elasticloadbalancing:ModifyListener " + LISTENER + " -> (new ACM certificate)",
                "acm:ImportCertificate into " + ACM),
                would.stream().map(l -> l.substring("would send: ".length()).replaceAll(" \\(not read.*", "")
                        .replaceAll("www-\\d{8}T\\d{6}Z", "www-")).toList(), run.out());
        assertTrue(run.out().contains("policy=\"policygen generate --client deliver --aws-region us-east-1 "
                + "--aws-account 123456789012 --iam-certificate-prefix www --elb-name web-lb --listener-arn "
                + LISTENER + " --acm-certificate-arn " + ACM + "\""), run.out());
        assertFalse(run.out().contains("event=delivered"), "a dry run delivers nothing: " + run.out());
        assertFalse(Files.exists(dir.resolve("state")), "a dry run writes nothing");
    }

    @Test
    void filesAloneNeedNoPolicyNoAwsAndADryRunWritesNothing() throws Exception {
        Path out = dir.resolve("out");
        // no region, no credentials, an endpoint nothing listens on: any AWS request would fail the run
        CliRun dry = deliver("--to", "files: {dir: " + out + "}", "--dry-run", "--aws-endpoint", "http://127.0.0.1:9");
        assertEquals(0, dry.exit(), dry.all());
        assertTrue(dry.out().contains("policy=\"none (these destinations send no AWS request)\""), dry.out());
        assertTrue(dry.out().contains("would write: privkey.pem, cert.pem, chain.pem, fullchain.pem in " + out),
                dry.out());
        assertFalse(dry.out().contains("would send: "), dry.out());
        assertFalse(Files.exists(out), "a dry run writes no file: " + dry.out());

        CliRun real = deliver("--to", "files: {dir: " + out + "}", "--aws-endpoint", "http://127.0.0.1:9");
        assertEquals(0, real.exit(), real.all());
        assertTrue(real.out().contains("event=delivered cert=www.example.test to=" + out), real.out());
        assertEquals(Files.readString(cert), Files.readString(out.resolve("fullchain.pem")));
        assertEquals(Files.readString(key), Files.readString(out.resolve("privkey.pem")));
    }

    @Test
    void aDryRunUnderAPolicyMissingOneActionIsRefusedNamingItAndTheLineThatAllowsIt() throws Exception {
        Path policy = dir.resolve("policy.json");
        Files.writeString(policy, """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": ["acm:GetCertificate"], "Resource": "%s"}]}
                """.formatted(ACM));
        CliRun run = deliver("--to", "acm: {certificateArn: " + ACM + "}", "--policy", policy.toString(),
                "--dry-run");
        assertEquals(4, run.exit(), run.all());
        assertEquals(List.of("policygen: error: the policy denies acm:ImportCertificate on " + ACM + "; the "
                + "destinations need it, and their policy is made by: policygen generate --client deliver "
                + "--acm-certificate-arn " + ACM), run.err().lines().toList());
        assertFalse(run.out().contains("would send"), run.out());
    }

    /**
     * Issue 13 (name groups): --policy is repeatable, as generate --split writes several documents; all files are
     * one identity's policy, so a request the second file alone allows is allowed, one neither allows is refused,
     * and a bad file is one line naming it, exit 3.
     */
    @Test
    void severalPolicyFilesAreEvaluatedTogether() throws Exception {
        Path reads = dir.resolve("deliver.json");
        Files.writeString(reads, """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": ["acm:GetCertificate"], "Resource": "%s"}]}
                """.formatted(ACM));
        Path imports = dir.resolve("deliver-1.json");
        Files.writeString(imports, """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": ["acm:ImportCertificate"], "Resource": "%s"}]}
                """.formatted(ACM));
        Path unrelated = dir.resolve("unrelated.json");
        Files.writeString(unrelated, """
                {"Version": "2012-10-17", "Statement": [
                  {"Effect": "Allow", "Action": ["route53:GetChange"], "Resource": "*"}]}
                """);
        String to = "acm: {certificateArn: " + ACM + "}";

        CliRun both = deliver("--to", to, "--policy", reads.toString(), "--policy", imports.toString(),
                "--dry-run", "--aws-region", "us-east-1");
        assertEquals(0, both.exit(), both.all());
        assertTrue(both.out().contains(" policy=" + reads + "," + imports + " "), "the start line names both: "
                + both.out());
        assertTrue(both.out().contains("would send: acm:ImportCertificate into " + ACM), both.out());

        CliRun neither = deliver("--to", to, "--policy", reads.toString(), "--policy", unrelated.toString(),
                "--dry-run");
        assertEquals(4, neither.exit(), neither.all());
        assertEquals(List.of("policygen: error: the policy denies acm:ImportCertificate on " + ACM + "; the "
                + "destinations need it, and their policy is made by: policygen generate --client deliver "
                + "--acm-certificate-arn " + ACM), neither.err().lines().toList());

        Path broken = dir.resolve("deliver-2.json");
        Files.writeString(broken, "{\"Version\": \"2012-10-17\", \"Statement\": [");
        CliRun bad = deliver("--to", to, "--policy", reads.toString(), "--policy", broken.toString(), "--dry-run");
        assertEquals(3, bad.exit(), bad.all());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertTrue(bad.err().startsWith("policygen: error: " + broken), bad.err());
        CliRun missing = deliver("--to", to, "--policy", dir.resolve("deliver-9.json").toString(), "--policy",
                reads.toString(), "--dry-run");
        assertEquals(3, missing.exit(), missing.all());
        assertEquals(1, missing.err().lines().count(), missing.err());
        assertTrue(missing.err().contains(dir.resolve("deliver-9.json").toString()), missing.err());
    }

    @Test
    void badValuesExitWithOneLineAndTheirCode() throws Exception {
        CliRun noDestination = deliver();
        assertEquals(2, noDestination.exit(), noDestination.all());

        CliRun badArn = deliver("--to", "acm: {certificateArn: arn:aws:s3:::bucket}", "--dry-run");
        assertEquals(2, badArn.exit(), badArn.all());
        assertEquals(List.of("policygen: error: --to:1:23: \"arn:aws:s3:::bucket\" is not an ARN of the form "
                + "arn:aws:acm:REGION:ACCOUNT:certificate/..."), badArn.err().lines().toList());

        CliRun unknownKind = deliver("--to", "s3: {bucket: b}", "--dry-run");
        assertEquals(2, unknownKind.exit(), unknownKind.all());
        assertTrue(unknownKind.err().startsWith("policygen: error: --to:1:1: "), unknownKind.err());
        assertEquals(1, unknownKind.err().lines().count(), unknownKind.err());

        Path other = TestCertificate.valid("www.example.test", "EC").write(dir.resolve("other.pem"),
                TestCertificate.valid("www.example.test", "EC").pkcs8Key());
        CliRun wrongKey = CliRun.of("deliver", "--cert", cert.toString(), "--key", other.toString(), "--to",
                "acm: {certificateArn: " + ACM + "}", "--dry-run");
        assertEquals(3, wrongKey.exit(), wrongKey.all());
        assertTrue(wrongKey.err().startsWith("policygen: error: " + other + ": the private key is not the key of "),
                wrongKey.err());
        assertEquals(1, wrongKey.err().lines().count(), wrongKey.err());

        CliRun unreadable = CliRun.of("deliver", "--cert", dir.resolve("none.pem").toString(), "--key",
                key.toString(), "--to", "acm: {certificateArn: " + ACM + "}");
        assertEquals(3, unreadable.exit(), unreadable.all());
        assertTrue(unreadable.err().contains(dir.resolve("none.pem").toString()), unreadable.err());
    }
}
