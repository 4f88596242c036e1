package dev.policygen.observe;

import static dev.policygen.observe.ObserveRuns.DOMAIN;
import static dev.policygen.observe.ObserveRuns.ZONE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.model.PolicyDocument;
import dev.policygen.model.PolicyReader;
import dev.policygen.model.PolicyWriter;
import dev.policygen.model.Statement;
import dev.policygen.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * policygen observe with a real AWS SDK client as the child: lego's call sequence, made by a
 * separate JVM configured only from the environment observe gives it, against the in-process
 * sandbox. Everything stays on 127.0.0.1 with AWS's example key.
 */
@Timeout(180)
class ObserveCommandTest {
    private static final String ZONE = DOMAIN + "=" + ZONE_ID;

    @TempDir
    Path directory;

    @Test
    void legoCallsDeriveExactlyWhatGenerateGivesForLego() throws Exception {
        Path derived = directory.resolve("derived.json");
        CliRun run = ObserveRuns.observe(List.of("--zone", ZONE, "--derive", derived.toString()),
                ObserveRuns.legoLikeChild());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("UPSERT _acme-challenge.example.test. INSYNC"), "the child's output: " + run.out());
        assertTrue(run.out().contains("route53:ListHostedZonesByName"), run.out());
        assertTrue(run.out().contains("UPSERT TXT _acme-challenge.example.test"), run.out());
        assertTrue(run.out().contains("DELETE TXT _acme-challenge.example.test"), run.out());
        assertTrue(run.out().contains("arn:aws:route53:::change/"), run.out());
        assertTrue(run.out().contains("0 denied"), run.out());
        assertEquals(ObserveRuns.legoPolicy(), Files.readString(derived));
    }

    @Test
    void aPolicyWithoutGetChangeDeniesTheChildAndObserveExitsOne() throws Exception {
        PolicyDocument lego = PolicyReader.read(ObserveRuns.legoPolicy(), "generate");
        List<Statement> withoutWait = new ArrayList<>();
        for (Statement statement : lego.statements()) {
            if (!statement.actions().texts().contains("route53:GetChange")) {
                withoutWait.add(statement);
            }
        }
        assertEquals(lego.statements().size() - 1, withoutWait.size());
        Path policy = directory.resolve("no-getchange.json");
        Files.writeString(policy, PolicyWriter.pretty(PolicyDocument.of(withoutWait)));
        Path callLog = directory.resolve("calls.jsonl");

        CliRun run = ObserveRuns.observe(List.of("--zone", ZONE, "--policy", policy.toString(), "--call-log",
                callLog.toString()), ObserveRuns.legoLikeChild());

        assertEquals(1, run.exit(), run.out() + run.err());
        String getChange = run.out().lines().filter(line -> line.contains("route53:GetChange")).findFirst()
                .orElseThrow(() -> new AssertionError("no GetChange row: " + run.out()));
        assertTrue(getChange.contains("implicit-deny") && getChange.contains("403 AccessDenied"), getChange);
        assertTrue(run.out().lines().anyMatch(line -> line.contains("route53:ChangeResourceRecordSets")
                && line.contains("allowed") && line.contains("ChangeChallengeRecords" + ZONE_ID)), run.out());
        assertTrue(run.out().contains("1 denied"), run.out());
        assertTrue(run.err().contains("denied, first route53:GetChange"), run.err());
        assertTrue(run.err().contains("lego-like child:"), "the child's stderr is passed through: " + run.err());
        assertTrue(Files.readString(callLog).contains("\"decision\":\"implicit-deny\""), "--call-log keeps the lines");
    }

    @Test
    void jsonTableAndAFailingCommandExitFour() {
        CliRun run = ObserveRuns.observe(List.of("--zone", ZONE, "--format", "json"), List.of("sh", "-c",
                "echo to-stdout; echo to-stderr >&2; exit 3"));
        assertEquals(4, run.exit(), run.err());
        // issue 10 item 22: stdout is the JSON document alone; the command's stdout goes to stderr
        assertTrue(run.out().startsWith("{\n") && run.out().endsWith("}\n"), run.out());
        assertTrue(run.out().contains("\"calls\": [],") && run.out().contains("\"commandExit\": 3"), run.out());
        assertTrue(run.err().contains("to-stdout\n") && run.err().contains("to-stderr"), run.err());
        assertTrue(run.err().contains("the command exited with status 3"), run.err());
    }

    @Test
    void theCommandsArgumentsArePassedOnVerbatim() throws Exception {
        Path file = directory.resolve("args.txt");
        Files.writeString(file, "expanded\n");
        CliRun run = ObserveRuns.observe(List.of(), List.of("echo", "@" + file, "--help", "--debug"));
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("@" + file + " --help --debug\n"), run.out());
    }

    @Test
    void theChildSeesTheIsolatingEnvironment() {
        CliRun run = ObserveRuns.observe(List.of("--zone", ZONE), List.of("sh", "-c",
                "echo \"$HTTPS_PROXY|$https_proxy|$NO_PROXY|$AWS_ACCESS_KEY_ID|${AWS_SESSION_TOKEN-unset}|"
                        + "$AWS_EC2_METADATA_DISABLED|$AWS_CONFIG_FILE|$AWS_SHARED_CREDENTIALS_FILE|$AWS_REGION\"; "
                        + "test -s \"$AWS_CA_BUNDLE\" && echo ca-present"));
        assertEquals(0, run.exit(), run.err());
        String[] fields = run.out().lines().findFirst().orElseThrow().split("\\|", -1);
        assertTrue(fields[0].startsWith("http://127.0.0.1:"), fields[0]);
        assertEquals(fields[0], fields[1]);
        assertEquals("127.0.0.1,localhost,::1", fields[2]);
        assertEquals("AKIAIOSFODNN7EXAMPLE", fields[3]);
        assertEquals("unset", fields[4]);
        assertEquals(List.of("true", "/dev/null", "/dev/null"), List.of(fields[5], fields[6], fields[7]));
        assertFalse(fields[8].isEmpty());
        assertTrue(run.out().contains("ca-present"), run.out());
    }

    @Test
    void aSandboxConfigFileSetsZonesAndTheChildsKey() throws Exception {
        Path config = directory.resolve("sandbox.json");
        Files.writeString(config, "{\"zones\": {\"" + DOMAIN + "\": \"" + ZONE_ID + "\"},"
                + " \"credentials\": {\"AKIACONFIGURED000000\": \"configured-secret\"}}");
        CliRun key = ObserveRuns.observe(List.of("--sandbox-config", config.toString()),
                List.of("sh", "-c", "echo \"key=$AWS_ACCESS_KEY_ID\""));
        assertEquals(0, key.exit(), key.err());
        assertTrue(key.out().startsWith("key=AKIACONFIGURED000000\n"), key.out());
        // the sandbox accepts only the configured key, so the child gets through only if it signs with it
        Path derived = directory.resolve("derived.json");
        CliRun lego = ObserveRuns.observe(List.of("--sandbox-config", config.toString(), "--derive",
                derived.toString()), ObserveRuns.legoLikeChild());
        assertEquals(0, lego.exit(), lego.out() + lego.err());
        assertEquals(ObserveRuns.legoPolicy(), Files.readString(derived));
    }

    @Test
    void usageErrorsExitTwoWithOneLine() {
        List<CliRun> runs = List.of(
                CliRun.of("observe", "--zone", ZONE),
                CliRun.of("observe", "--zone", ZONE, "--"),
                ObserveRuns.observe(List.of("--zone", "example.test=notazoneid"), List.of("true")),
                ObserveRuns.observe(List.of("--format", "xml"), List.of("true")),
                ObserveRuns.observe(List.of("--forward-ca", "ca.pem"), List.of("true")),
                ObserveRuns.observe(List.of("--forward", "http://127.0.0.1:1"), List.of("true")),
                ObserveRuns.observe(List.of(), List.of(directory.resolve("no-such-command").toString())));
        for (CliRun run : runs) {
            assertEquals(2, run.exit(), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("policygen: error: "), run.err());
            assertEquals("", run.out());
        }
        assertTrue(runs.get(0).err().contains("after --"), runs.get(0).err());
        assertTrue(runs.get(2).err().contains("--zone"), runs.get(2).err());
    }
}
