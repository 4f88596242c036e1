package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.sandbox.FaultSettings;
import dev.policygen.sandbox.RecordSet;
import dev.policygen.sandbox.Sandbox;
import dev.policygen.testing.CliRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * policygen renew killed (SIGKILL) at each step of a renewal, then run again; policygen cleanup
 * after a kill; and SIGTERM in --persistent mode, between passes and in the middle of an order. The
 * renewer runs as its own process; Pebble and the sandbox stay in the test, and the sandbox's call
 * log says which step the renewer has reached. Afterwards: no certificate lost, no TXT value of ours
 * left, the other client's value untouched, the journal empty.
 */
class RenewCrashTest extends RenewBedTest {
    private static final List<String> DOMAINS = List.of("www.example.test", "*.example.test");
    /** Every sandbox answer is this late, so each step the renewer is killed in lasts a while. */
    private static final Duration LATENCY = Duration.ofMillis(300);

    /** Where the renewer is killed, recognised in the sandbox's call log and Pebble's log. */
    enum Step {
        /** The challenge values are in the zone; nothing waited on yet. */
        AFTER_PUBLISH((calls, triggers) -> successes(calls, SandboxCall.CHANGE) >= 1),
        /** The change is INSYNC (the sandbox's delay is zero: the first GetChange says so). */
        AFTER_INSYNC((calls, triggers) -> successes(calls, SandboxCall.GET_CHANGE) >= 1),
        /** A challenge triggered, the CA validating; the clean-up's change is two 300 ms calls away at least. */
        DURING_VALIDATION((calls, triggers) -> triggers > 0),
        /** The values removed again; the order is being finalized or the files written. */
        AFTER_CLEANUP((calls, triggers) -> successes(calls, SandboxCall.CHANGE) >= 2);

        final BiPredicate<List<SandboxCall>, Long> reached;

        Step(BiPredicate<List<SandboxCall>, Long> reached) {
            this.reached = reached;
        }
    }

    @ParameterizedTest
    @EnumSource(Step.class)
    void killedAtEachStepThenRunAgain(Step step) throws Exception {
        Path config = config();
        Path state = dir.resolve("state");
        try (Sandbox sandbox = sandbox()) {
            List<RecordSet> foreign = RenewChecks.seedForeign(sandbox);
            killAt(step, sandbox, config, state);
            List<String> left = RenewChecks.ourValues(sandbox, foreign);
            List<String> journal = RenewChecks.journal(state);
            if (step != Step.AFTER_CLEANUP) {
                assertFalse(left.isEmpty(), "the kill left no value in the zone");
                assertEquals(left, journal, "the journal lists exactly the values left behind");
            } else {
                assertEquals(List.of(), left, "the clean-up had removed our values");
            }
            int before = SandboxCall.read(callLog()).size();

            CliRun again = bed.renew(sandbox, config, state);
            assertEquals(0, again.exit(), again.all());
            if (!journal.isEmpty()) {
                assertTrue(again.out().contains("event=cleanup values=" + journal.size() + " left=0"), again.all());
            }
            RenewChecks.assertDelivered(dir.resolve("www"), bed.pebble, DOMAINS);
            RenewChecks.assertZoneClean(sandbox, foreign);
            assertEquals(List.of(), RenewChecks.journal(state));
            List<SandboxCall> rerun = SandboxCall.read(callLog()).subList(before, SandboxCall.read(callLog()).size());
            // the order's add and remove, and one change for the leftovers when there were any in the zone
            assertTrue(successes(rerun, SandboxCall.CHANGE) <= 2 + (left.isEmpty() ? 0 : 1), rerun.toString());
        }
    }

    @Test
    void cleanupRemovesExactlyTheJournalsLeftovers() throws Exception {
        Path config = config();
        Path state = dir.resolve("state");
        try (Sandbox sandbox = sandbox()) {
            List<RecordSet> foreign = RenewChecks.seedForeign(sandbox);
            List<RecordSet> others = nonTxt(sandbox);
            killAt(Step.AFTER_PUBLISH, sandbox, config, state);
            List<String> journal = RenewChecks.journal(state);
            assertFalse(journal.isEmpty());
            assertEquals(RenewChecks.ourValues(sandbox, foreign), journal);
            int before = SandboxCall.read(callLog()).size();

            CliRun cleanup = bed.cleanup(sandbox, config, state);
            assertEquals(0, cleanup.exit(), cleanup.all());
            assertTrue(cleanup.out().contains("event=cleanup values=" + journal.size() + " left=0"), cleanup.all());
            RenewChecks.assertZoneClean(sandbox, foreign);
            assertEquals(others, nonTxt(sandbox), "the zone's other sets");
            assertEquals(List.of(), RenewChecks.journal(state));
            List<SandboxCall> calls = SandboxCall.read(callLog());
            assertEquals(1, successes(calls.subList(before, calls.size()), SandboxCall.CHANGE), calls.toString());
        }
    }

    @Test
    void sigtermBetweenPassesExitsAtOnce() throws Exception {
        Path config = config();
        Path state = dir.resolve("state");
        try (Sandbox sandbox = sandbox()) {
            List<RecordSet> foreign = RenewChecks.seedForeign(sandbox);
            try (RenewChild child = RenewChild.start(bed.renewArguments(sandbox, config, state, "--persistent",
                    "--interval", "1h"), dir.resolve("renew.out"))) {
                child.awaitOutput("CERTIFICATE");
                assertEquals(0, child.terminate(), child.output());
                assertTrue(child.output().contains("renewed"), child.output());
            }
            RenewChecks.assertDelivered(dir.resolve("www"), bed.pebble, DOMAINS);
            RenewChecks.assertZoneClean(sandbox, foreign);
            assertEquals(List.of(), RenewChecks.journal(state));
        }
    }

    @ParameterizedTest(name = "persistent={0}")
    @ValueSource(booleans = {true, false})
    void sigtermMidOrderFinishesTheCertificateThenExits(boolean persistent) throws Exception {
        Path config = config();
        Path state = dir.resolve("state");
        try (Sandbox sandbox = sandbox()) {
            List<RecordSet> foreign = RenewChecks.seedForeign(sandbox);
            String[] mode = persistent ? new String[] {"--persistent", "--interval", "1h"} : new String[0];
            try (RenewChild child = RenewChild.start(bed.renewArguments(sandbox, config, state, mode),
                    dir.resolve("renew.out"))) {
                child.await(() -> Step.AFTER_PUBLISH.reached.test(SandboxCall.read(callLog()), 0L),
                        "the first challenge change");
                // one pass or a service: the certificate under way is finished and cleaned up, then exit 0
                assertEquals(0, child.terminate(), child.output());
                assertTrue(child.output().contains("event=renewed"), child.output());
            }
            RenewChecks.assertDelivered(dir.resolve("www"), bed.pebble, DOMAINS);
            RenewChecks.assertZoneClean(sandbox, foreign);
            assertEquals(List.of(), RenewChecks.journal(state));
            RenewChecks.assertChangesPerZone(SandboxCall.read(callLog()), 1);
        }
    }

    /** Starts renew as its own process and kills it once it reached {@code step}. */
    private void killAt(Step step, Sandbox sandbox, Path config, Path state) throws Exception {
        long triggered = challengeTriggers();
        try (RenewChild child = RenewChild.start(bed.renewArguments(sandbox, config, state),
                dir.resolve("killed.out"))) {
            child.await(() -> step.reached.test(SandboxCall.read(callLog()), challengeTriggers() - triggered),
                    step.name());
            child.kill();
        }
    }

    /** Challenges Pebble was asked to validate so far (it logs every POST /chalZ/). */
    private static long challengeTriggers() throws Exception {
        return bed.pebble.logText().lines().filter(line -> line.contains("POST /chalZ/")).count();
    }

    private Sandbox sandbox() throws Exception {
        return bed.sandbox(dir.resolve("sandbox"), b -> b.faults(new FaultSettings(0, 0, 0, LATENCY)));
    }

    private Path callLog() {
        return dir.resolve("sandbox").resolve("calls.jsonl");
    }

    private Path config() throws Exception {
        return bed.config(dir.resolve("renew.yaml"), """
                  www:
                    domains: [www.example.test, "*.example.test"]
                    destinations:
                      - files: {dir: %s}
                """.formatted(dir.resolve("www")));
    }

    private static List<RecordSet> nonTxt(Sandbox sandbox) throws Exception {
        return sandbox.records().sets(RenewBed.ZONE_ID).stream().filter(set -> !set.type().equals("TXT")).toList();
    }

    private static long successes(List<SandboxCall> calls, String operation) {
        return SandboxCall.count(calls, operation, null);
    }
}
