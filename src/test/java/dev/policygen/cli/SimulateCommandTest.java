package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** policygen simulate, run in process through Main.run: stdout, stderr and exit code. */
class SimulateCommandTest {
    private static final String ACME_POLICY = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {
                  "Sid": "AllowTxt",
                  "Effect": "Allow",
                  "Action": "route53:ChangeResourceRecordSets",
                  "Resource": "arn:aws:route53:::hostedzone/Z1D633PJN98FT9",
                  "Condition": {
                    "ForAllValues:StringEquals": {
                      "route53:ChangeResourceRecordSetsNormalizedRecordNames": ["_acme-challenge.example.com"],
                      "route53:ChangeResourceRecordSetsRecordTypes": ["TXT"]
                    }
                  }
                },
                {"Sid": "GetChange", "Effect": "Allow", "Action": "route53:GetChange", "Resource": "arn:aws:route53:::change/*"}
              ]
            }
            """;
    private static final String DENY_DELETE = """
            {"Version": "2012-10-17", "Statement": [{"Sid": "NoDelete", "Effect": "Deny",
              "Action": "route53:ChangeResourceRecordSets", "Resource": "*",
              "Condition": {"ForAnyValue:StringEquals": {"route53:ChangeResourceRecordSetsActions": ["DELETE"]}}}]}
            """;

    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.of(args);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void allowedChangeBatchExitsZeroAndNamesTheDecidingStatement() throws IOException {
        Path policy = write("acme.json", ACME_POLICY);
        CliRun result = run("simulate", "--policy", policy.toString(), "--zone", "/hostedzone/Z1D633PJN98FT9",
                "--change", "UPSERT:txt:_ACME-Challenge.Example.com.");
        assertEquals(0, result.exit(), result.err());
        assertTrue(result.out().startsWith("Decision: allowed\n"), result.out());
        assertTrue(result.out().contains("Allowed by:\n  " + policy + " statement 0 (Sid AllowTxt, Allow)"), result.out());
        assertTrue(result.out().contains("route53:ChangeResourceRecordSetsNormalizedRecordNames = [_acme-challenge.example.com]"),
                result.out());
        assertTrue(result.out().contains("route53:ChangeResourceRecordSetsRecordTypes = [TXT]"), result.out());
        assertEquals("", result.err());
    }

    @Test
    void deniedBatchExitsOneAndExplainsTheFailedCondition() throws IOException {
        Path policy = write("acme.json", ACME_POLICY);
        CliRun result = run("simulate", "--policy", policy.toString(), "--zone", "Z1D633PJN98FT9",
                "--change", "UPSERT:TXT:_acme-challenge.example.com", "--change", "UPSERT:A:www.example.com");
        assertEquals(1, result.exit());
        assertTrue(result.out().startsWith("Decision: implicit-deny\n"), result.out());
        assertTrue(result.out().contains("No statement allows this request."), result.out());
        assertTrue(result.out().contains("statement 0 (Sid AllowTxt, Allow): Condition: ForAllValues:StringEquals "
                + "route53:ChangeResourceRecordSetsNormalizedRecordNames [_acme-challenge.example.com]: "
                + "not every request value satisfies the operator"), result.out());
        assertTrue(result.out().contains("statement 1 (Sid GetChange, Allow): Action:"), result.out());
    }

    @Test
    void explicitDenyAcrossPoliciesInJson() throws IOException {
        Path allow = write("acme.json", ACME_POLICY);
        Path deny = write("deny.json", DENY_DELETE);
        CliRun result = run("simulate", "--policy", allow.toString(), "--policy", deny.toString(),
                "--zone", "Z1D633PJN98FT9", "--change", "DELETE:TXT:_acme-challenge.example.com", "--format", "json");
        assertEquals(1, result.exit(), result.err());
        String out = result.out();
        assertTrue(out.contains("\"decision\": \"explicit-deny\""), out);
        assertTrue(out.contains("\"deciding\": [\n    {\n      \"policyIndex\": 1,\n      \"policy\": \"" + deny
                + "\",\n      \"statementIndex\": 0,\n      \"sid\": \"NoDelete\",\n      \"effect\": \"Deny\"\n    }\n  ]"), out);
        // the Allow also applied; it is listed but does not decide
        assertTrue(out.contains("\"applied\": [\n    {\n      \"policyIndex\": 0"), out);
    }

    @Test
    void plainActionResourceAndContext() throws IOException {
        Path policy = write("p.json", """
                {"Version": "2012-10-17", "Statement": [{"Sid": "Office", "Effect": "Allow", "Action": "route53:GetChange",
                  "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "192.0.2.0/24"},
                  "ForAllValues:StringEquals": {"aws:TagKeys": ["team"]}}}]}
                """);
        String[] base = {"simulate", "--policy", policy.toString(), "--action", "route53:GetChange",
            "--resource", "arn:aws:route53:::change/C1"};
        assertEquals(0, run(concat(base, "--context", "aws:SourceIp=192.0.2.9")).exit());
        assertEquals(1, run(concat(base, "--context", "aws:SourceIp=198.51.100.1")).exit());
        assertEquals(0, run(concat(base, "--context", "aws:SourceIp=192.0.2.9", "--context", "aws:TagKeys=team")).exit());
        assertEquals(1, run(concat(base, "--context", "aws:SourceIp=192.0.2.9", "--context", "aws:TagKeys=team,cost")).exit());
        assertEquals(0, run(concat(base, "--context", "aws:SourceIp=192.0.2.9", "--context", "aws:TagKeys=")).exit());
    }

    @Test
    void invalidPolicyFileIsExitThreeWithOneLocatedLine() throws IOException {
        Path policy = write("bad.json", "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": {\"Effect\": \"Allw\", "
                + "\"Action\": \"*\", \"Resource\": \"*\"}\n}\n");
        CliRun result = run("simulate", "--policy", policy.toString(), "--action", "route53:GetChange", "--resource", "*");
        assertEquals(3, result.exit());
        assertEquals("policygen: error: " + policy + ":3:27: Effect must be Allow or Deny, not \"Allw\"\n", result.err());
        assertEquals("", result.out());
    }

    @Test
    void malformedJsonAndMissingFileAreExitThreeWithoutStackTrace() throws IOException {
        Path broken = write("broken.json", "{\"Version\": ");
        CliRun syntax = run("simulate", "--policy", broken.toString(), "--action", "a:b", "--resource", "*");
        assertEquals(3, syntax.exit());
        assertTrue(syntax.err().startsWith("policygen: error: " + broken + ":1:"), syntax.err());
        assertEquals(1, syntax.err().lines().count(), syntax.err());
        CliRun missing = run("simulate", "--policy", dir.resolve("nope.json").toString(), "--action", "a:b", "--resource", "*");
        assertEquals(3, missing.exit());
        assertEquals("policygen: error: " + dir.resolve("nope.json") + ": cannot read policy: no such file\n", missing.err());
    }

    @Test
    void debugPrintsTheStackTrace() throws IOException {
        CliRun result = run("simulate", "--debug", "--policy", dir.resolve("nope.json").toString(), "--action", "a:b",
                "--resource", "*");
        assertEquals(3, result.exit());
        assertTrue(result.err().contains("at dev.policygen."), result.err());
    }

    @Test
    void usageErrorsAreExitTwo() throws IOException {
        Path policy = write("acme.json", ACME_POLICY);
        String p = policy.toString();
        List<String[]> cases = List.of(
                new String[] {"simulate", "--policy", p},
                new String[] {"simulate", "--policy", p, "--zone", "Z1"},
                new String[] {"simulate", "--policy", p, "--zone", "Z1", "--change", "UPSERT:TXT"},
                new String[] {"simulate", "--policy", p, "--zone", "Z1", "--change", "MODIFY:TXT:a.example.com"},
                new String[] {"simulate", "--policy", p, "--zone", "z1", "--change", "UPSERT:TXT:a.example.com"},
                new String[] {"simulate", "--policy", p, "--zone", "Z1", "--change", "UPSERT:TXT:a..example.com"},
                new String[] {"simulate", "--policy", p, "--zone", "Z1", "--change", "UPSERT:TXT:a.com", "--action", "a:b"},
                new String[] {"simulate", "--policy", p, "--zone", "Z1", "--change", "UPSERT:TXT:a.com", "--partition", "aws-eu"},
                new String[] {"simulate", "--policy", p, "--action", "GetChange", "--resource", "*"},
                new String[] {"simulate", "--policy", p, "--action", "a:b", "--resource", "*", "--context", "novalue"},
                new String[] {"simulate", "--policy", p, "--action", "a:b", "--resource", "*", "--format", "yaml"},
                new String[] {"simulate", "--action", "a:b", "--resource", "*"});
        for (String[] args : cases) {
            CliRun result = run(args);
            assertEquals(2, result.exit(), String.join(" ", args) + "\n" + result.err());
            assertTrue(result.err().startsWith("policygen: error: "), result.err());
            assertFalse(result.err().contains("\tat "), result.err());
            assertEquals("", result.out());
        }
    }

    @Test
    void partitionOptionChangesTheZoneArn() throws IOException {
        Path policy = write("cn.json", ACME_POLICY.replace("arn:aws:", "arn:aws-cn:"));
        String[] args = {"simulate", "--policy", policy.toString(), "--zone", "Z1D633PJN98FT9",
            "--change", "UPSERT:TXT:_acme-challenge.example.com"};
        assertEquals(1, run(args).exit());
        CliRun cn = run(concat(args, "--partition", "aws-cn"));
        assertEquals(0, cn.exit(), cn.out());
        assertTrue(cn.out().contains("on arn:aws-cn:route53:::hostedzone/Z1D633PJN98FT9"), cn.out());
    }

    @Test
    void helpListsTheOptions() {
        CliRun result = run("simulate", "--help");
        assertEquals(0, result.exit());
        for (String option : List.of("--policy", "--action", "--resource", "--context", "--zone", "--change",
                "--partition", "--format")) {
            assertTrue(result.out().contains(option), option);
        }
    }

    private static String[] concat(String[] base, String... more) {
        List<String> all = new ArrayList<>(List.of(base));
        all.addAll(List.of(more));
        return all.toArray(new String[0]);
    }
}
