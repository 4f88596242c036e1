package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.sandbox.FaultSettings;
import dev.policygen.sandbox.RecordSet;
import dev.policygen.sandbox.RequestedChange;
import dev.policygen.sandbox.Sandbox;
import dev.policygen.testing.CliRun;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 against real Pebble and the sandbox: the certificates of a pass publish their challenges in
 * waves, per zone one ListResourceRecordSets, one publishing change, one GetChange and one clean-up
 * change; one certificate whose challenge name Route 53 refuses fails alone while the others of its
 * wave are renewed; two renew processes sharing a throttled account both finish without a failure.
 */
class RenewWavesTest extends RenewBedTest {
    private static final String SECOND_ZONE = "second.test";
    private static final String SECOND_ZONE_ID = "Z0SECONDTEST";
    /**
     * The tests that count waves: the wave waits for every certificate of the pass (it closes as soon as all
     * joined or finished, so this costs nothing), not the default 2 s without a new order, which a certificate
     * starved on a loaded machine can exceed and start a second wave.
     */
    private static final String[] ONE_WAVE = {"--wave-gather", "5m"};

    private Sandbox sandbox(Path directory, FaultSettings faults) throws Exception {
        return bed.sandbox(directory, b -> b.zone(SECOND_ZONE, SECOND_ZONE_ID).faults(faults));
    }

    /** Certificates of an apex-and-wildcard pair each: {@code a.example.test} and {@code *.a.example.test}. */
    private Path config(String file, List<String> names, String zone, String zoneId) throws Exception {
        return bed.config(dir.resolve(file), certificates(names, zone, zoneId));
    }

    private String certificates(List<String> names, String zone, String zoneId) {
        StringBuilder yaml = new StringBuilder();
        for (String name : names) {
            String domain = name + "." + zone;
            yaml.append("  ").append(name).append("-").append(zoneId.toLowerCase()).append(":\n")
                    .append("    domains: [").append(domain).append(", \"*.").append(domain).append("\"]\n")
                    .append("    zones: {").append(zone).append(": ").append(zoneId).append("}\n")
                    .append("    destinations:\n      - files: {dir: ").append(dir.resolve("certs").resolve(domain))
                    .append("}\n");
        }
        return yaml.toString();
    }

    private static Map<String, Integer> perZone(List<SandboxCall> calls, String operation) {
        Map<String, Integer> counts = new TreeMap<>();
        for (SandboxCall call : calls) {
            if (call.is(operation)) {
                counts.merge(call.zone(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private static long waves(CliRun run) {
        return run.out().lines().filter(line -> line.contains("event=wave ")).count();
    }

    @Test
    void aPassOverTwoZonesIsOneWaveOfOneReadOneChangeOneWaitAndOneCleanUpPerZone() throws Exception {
        Path config = bed.config(dir.resolve("renew.yaml"),
                certificates(List.of("a", "b", "c"), RenewBed.ZONE, RenewBed.ZONE_ID)
                        + certificates(List.of("d", "e", "f"), SECOND_ZONE, SECOND_ZONE_ID));
        Path sandboxDir = dir.resolve("sandbox");
        try (Sandbox sandbox = sandbox(sandboxDir, FaultSettings.NONE)) {
            CliRun run = bed.renew(sandbox, config, dir.resolve("state"), ONE_WAVE);

            assertEquals(0, run.exit(), run.all());
            assertEquals(6, Pattern.compile("(?m)^\\S+\\s+renewed").matcher(run.out()).results().count(), run.all());
            assertEquals(1, waves(run), run.all());
            List<SandboxCall> calls = SandboxCall.read(sandboxDir.resolve("calls.jsonl"));
            Map<String, Integer> both = Map.of(RenewBed.ZONE_ID, 1, SECOND_ZONE_ID, 1);
            assertEquals(both, perZone(calls, "ListResourceRecordSets"), calls.toString());
            assertEquals(Map.of(RenewBed.ZONE_ID, 2, SECOND_ZONE_ID, 2), perZone(calls, SandboxCall.CHANGE),
                    "one publishing and one clean-up change per zone: " + calls);
            assertEquals(2, SandboxCall.count(calls, SandboxCall.GET_CHANGE, null), calls.toString());
            assertEquals(8, calls.size(), "nothing else: " + calls);
            assertEquals(List.of(), RenewChecks.txtSets(sandbox), "every value removed");
            assertEquals(List.of(), sandbox.records().sets(SECOND_ZONE_ID).stream()
                    .filter(set -> set.type().equals("TXT")).toList());
            assertEquals(List.of(), RenewChecks.journal(dir.resolve("state")));
            for (String name : List.of("a", "b", "c")) {
                String domain = name + "." + RenewBed.ZONE;
                RenewChecks.assertDelivered(dir.resolve("certs").resolve(domain), bed.pebble,
                        List.of(domain, "*." + domain));
            }
        }
    }

    @Test
    void aCertificateWhoseChallengeNameRouteFiftyThreeRefusesFailsAloneAndItsWaveIsCleaned() throws Exception {
        Path config = config("renew.yaml", List.of("a", "b", "bad", "c"), RenewBed.ZONE, RenewBed.ZONE_ID);
        Path sandboxDir = dir.resolve("sandbox");
        try (Sandbox sandbox = sandbox(sandboxDir, FaultSettings.NONE)) {
            // another tool delegated bad's challenge name with a CNAME: Route 53 refuses a TXT set beside it
            String delegated = "_acme-challenge.bad." + RenewBed.ZONE;
            sandbox.records().apply(RenewBed.ZONE_ID, List.of(new RequestedChange("CREATE", new RecordSet(delegated,
                    "CNAME", null, null, null, 300, List.of("validation.elsewhere.test.")))), "another tool",
                    Instant.now(), Duration.ZERO);
            List<RecordSet> before = sandbox.records().sets(RenewBed.ZONE_ID);

            CliRun run = bed.renew(sandbox, config, dir.resolve("state"), ONE_WAVE);

            assertEquals(4, run.exit(), run.all());
            assertTrue(Pattern.compile("(?m)^bad-z0exampletest\\s+failed.*conflicting RRSet").matcher(run.out()).find(),
                    run.all());
            assertEquals(3, Pattern.compile("(?m)^\\S+\\s+renewed").matcher(run.out()).results().count(), run.all());
            assertEquals(1, waves(run), run.all());
            assertEquals(before, sandbox.records().sets(RenewBed.ZONE_ID), "the zone as it was: ours all removed");
            assertEquals(List.of(), RenewChecks.journal(dir.resolve("state")));
            List<SandboxCall> calls = SandboxCall.read(sandboxDir.resolve("calls.jsonl"));
            assertEquals(Map.of(RenewBed.ZONE_ID, 3), SandboxCall.changesPerZone(calls),
                    "the others' values in two halves around the refused name, then one clean-up: " + calls);
        }
    }

    @Test
    void twoRenewProcessesSharingAThrottledAccountBothFinishWithoutAFailure() throws Exception {
        Path sandboxDir = dir.resolve("sandbox");
        List<String> zones = List.of(RenewBed.ZONE, SECOND_ZONE, "third.test", "fourth.test");
        List<String> zoneIds = List.of(RenewBed.ZONE_ID, SECOND_ZONE_ID, "Z0THIRDTEST", "Z0FOURTHTEST");
        try (Sandbox sandbox = bed.sandbox(sandboxDir, b -> b.zone(SECOND_ZONE, SECOND_ZONE_ID)
                .zone("third.test", "Z0THIRDTEST").zone("fourth.test", "Z0FOURTHTEST")
                .faults(new FaultSettings(5, 0, 0, Duration.ZERO)))) {
            List<RenewChild> children = new ArrayList<>();
            try {
                for (int run = 1; run <= 2; run++) {
                    // a certificate in each of four zones: four Route 53 requests per zone and wave, 16 a process
                    StringBuilder certificates = new StringBuilder();
                    for (int z = 0; z < zones.size(); z++) {
                        certificates.append(certificates(List.of("r" + run), zones.get(z), zoneIds.get(z)));
                    }
                    Path config = bed.config(dir.resolve("renew-" + run + ".yaml"), certificates.toString());
                    // a Route 53 rate of 10 each, twice the account's: they must find the budget between them
                    children.add(RenewChild.start(bed.renewArguments(sandbox, config, dir.resolve("state-" + run),
                            "--route53-rate", "10"), dir.resolve("out-" + run + ".txt")));
                }
                for (RenewChild child : children) {
                    assertEquals(0, child.awaitExit(), child.output());
                    assertEquals(4, Pattern.compile("(?m)^\\S+\\s+renewed").matcher(child.output()).results().count(),
                            child.output());
                }
            } finally {
                children.forEach(RenewChild::close);
            }
            List<SandboxCall> calls = SandboxCall.read(sandboxDir.resolve("calls.jsonl"));
            long throttled = SandboxCall.count(calls, null, "Throttling");
            System.err.println("two processes at 5 requests/s: " + calls.size() + " calls, " + throttled
                    + " Throttling answers, all retried");
            for (String zoneId : zoneIds) {
                assertEquals(List.of(), sandbox.records().sets(zoneId).stream()
                        .filter(set -> set.type().equals("TXT")).toList(), zoneId);
            }
        }
    }
}
