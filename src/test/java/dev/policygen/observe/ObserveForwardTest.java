package dev.policygen.observe;

import static dev.policygen.observe.ObserveRuns.DOMAIN;
import static dev.policygen.observe.ObserveRuns.ZONE_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.sandbox.Sandbox;
import dev.policygen.sandbox.SandboxBuilder;
import dev.policygen.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * observe --forward with a second sandbox as the "real" endpoint: its HTTPS listener on 127.0.0.1
 * with its own CA, trusted through --forward-ca. The child signs with its own key (observe leaves
 * credentials alone when forwarding), the upstream verifies that signature on the forwarded bytes,
 * and both sides log the calls.
 */
@Timeout(180)
class ObserveForwardTest {
    @TempDir
    Path directory;

    /** The lego-like child with the upstream's key in its environment, as a user's real key would be. */
    private static List<String> childWithItsOwnKey() {
        List<String> command = new ArrayList<>(List.of("env", "AWS_ACCESS_KEY_ID=" + Sandbox.DEFAULT_ACCESS_KEY_ID,
                "AWS_SECRET_ACCESS_KEY=" + Sandbox.DEFAULT_SECRET_ACCESS_KEY));
        command.addAll(ObserveRuns.legoLikeChild());
        return command;
    }

    private Sandbox upstream(Path callLog, Path policy) throws Exception {
        SandboxBuilder builder = Sandbox.builder().zone(DOMAIN, ZONE_ID).httpsPort(0).callLog(callLog);
        if (policy != null) {
            builder.policy(policy);
        }
        return builder.build().start();
    }

    @Test
    void forwardedCallsReachTheUpstreamAndAreRecorded() throws Exception {
        Path upstreamLog = directory.resolve("upstream.jsonl");
        Path derived = directory.resolve("derived.json");
        CliRun run;
        try (Sandbox upstream = upstream(upstreamLog, null)) {
            run = ObserveRuns.observe(List.of("--forward", upstream.ports().httpsUrl(), "--forward-ca",
                    upstream.ports().caCertificate().toString(), "--derive", derived.toString()), childWithItsOwnKey());
        }
        assertEquals(0, run.exit(), run.out() + run.err());
        List<String> upstreamLines = Files.readAllLines(upstreamLog);
        assertEquals(6, upstreamLines.size(), String.join("\n", upstreamLines));
        assertEquals(2, upstreamLines.stream().filter(l -> l.contains("\"operation\":\"ChangeResourceRecordSets\"")
                && l.contains("\"status\":200") && l.contains("\"host\":\"route53.amazonaws.com\"")).count());
        assertTrue(run.out().contains("UPSERT TXT _acme-challenge.example.test"), run.out());
        assertEquals(6, run.out().lines().filter(line -> line.contains("forwarded") && line.contains(" 200")).count(),
                run.out());
        assertEquals(ObserveRuns.legoPolicy(), Files.readString(derived));
    }

    @Test
    void aDenialByTheUpstreamMakesObserveExitOne() throws Exception {
        Path policy = directory.resolve("no-getchange.json");
        Files.writeString(policy, ObserveRuns.legoPolicy().replace("\"route53:GetChange\"", "\"route53:GetHostedZone\""));
        CliRun run;
        try (Sandbox upstream = upstream(directory.resolve("upstream.jsonl"), policy)) {
            run = ObserveRuns.observe(List.of("--forward", upstream.ports().httpsUrl(), "--forward-ca",
                    upstream.ports().caCertificate().toString()), childWithItsOwnKey());
        }
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().lines().anyMatch(line -> line.contains("route53:GetChange") && line.contains("forwarded")
                && line.contains("403 AccessDenied")), run.out());
    }

    @Test
    void anUntrustedUpstreamIsNeverSentTheRequest() throws Exception {
        Path upstreamLog = directory.resolve("upstream.jsonl");
        CliRun run;
        try (Sandbox upstream = upstream(upstreamLog, null)) {
            run = ObserveRuns.observe(List.of("--forward", upstream.ports().httpsUrl()), childWithItsOwnKey());
        }
        assertEquals(4, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("502 UpstreamUnreachable"), run.out());
        assertEquals(0, Files.exists(upstreamLog) ? Files.readAllLines(upstreamLog).size() : 0);
    }
}
