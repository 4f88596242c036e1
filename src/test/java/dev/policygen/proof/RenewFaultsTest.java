package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.sandbox.FaultSettings;
import dev.policygen.sandbox.RecordSet;
import dev.policygen.sandbox.Sandbox;
import dev.policygen.sandbox.SandboxBuilder;
import dev.policygen.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * policygen renew against real Pebble and a sandbox that injects faults (throttling, 5xx,
 * PriorRequestNotComplete, slow INSYNC; Pebble refusing nonces), a name in no zone, and --dry-run.
 * After each run: the exit code, the certificates delivered whole, no TXT value of ours left, the
 * other client's value untouched, the journal empty, and at most two changes per certificate.
 */
class RenewFaultsTest extends RenewBedTest {
    private static final List<String> WWW = List.of("www.example.test", "*.example.test");

    @Test
    void retriesThrottledCallsAndRenews() throws Exception {
        Path config = config(bed, "www", "api");
        // the sandbox's clock stands until it throttled a call, so its third call is throttled however slowly
        // the calls come (on the real clock they had to come within a second)
        Outcome outcome = renew(bed, config, b -> b.faults(new FaultSettings(2, 0, 0, Duration.ZERO))
                .clock(new StillUntilThrottledClock(b.callLogFile(), Instant.now())), "--route53-rate", "5");
        assertEquals(0, outcome.run.exit(), outcome.run.all());
        assertTrue(SandboxCall.count(outcome.calls, null, "Throttling") > 0, "the sandbox throttled nothing");
        assertTrue(outcome.run.out().contains("aws.retry"), outcome.run.all());
        outcome.assertRenewed(bed, "www", "api");
    }

    @Test
    void neverThrottledAtTheDefaultRate() throws Exception {
        Path config = config(bed, "www", "api", "mail");
        Outcome outcome = renew(bed, config, b -> b.faults(new FaultSettings(5, 0, 0, Duration.ZERO)));
        assertEquals(0, outcome.run.exit(), outcome.run.all());
        assertEquals(0, SandboxCall.count(outcome.calls, null, "Throttling"), outcome.calls.toString());
        outcome.assertRenewed(bed, "www", "api", "mail");
    }

    @Test
    void rendersServerErrorsAndPriorRequestsHarmless() throws Exception {
        Path config = config(bed, "www");
        Outcome outcome = renew(bed, config, b -> b.faults(new FaultSettings(0, 0.5, 0.3, Duration.ZERO)));
        assertEquals(0, outcome.run.exit(), outcome.run.all());
        assertTrue(SandboxCall.count(outcome.calls, null, "InternalFailure") > 0, outcome.calls.toString());
        assertTrue(SandboxCall.count(outcome.calls, SandboxCall.CHANGE, "PriorRequestNotComplete") > 0,
                outcome.calls.toString());
        outcome.assertRenewed(bed, "www");
    }

    @Test
    void renewsWhilePebbleRefusesNonces() throws Exception {
        try (RenewBed rejecting = RenewBed.start(dir.resolve("rejecting"), Map.of("PEBBLE_WFE_NONCEREJECT", "30"))) {
            Path config = config(rejecting, "www");
            // signed requests without a refusal, per run: register (each run its own account, so no run's
            // order reuses an authorization and skips its 2 challenges), login, new order, 2 challenges,
            // finalize, download; a refused nonce makes one more
            int runs = 0;
            do {
                if (runs > 0) {
                    rejecting.freshAccount(config);
                }
                runs++;
                Outcome outcome = renew(rejecting, config, b -> { }, "--force-issue");
                assertEquals(0, outcome.run.exit(), outcome.run.all());
                outcome.assertRenewed(rejecting, "www");
            } while (signedRequests(rejecting) == 7L * runs && runs < 5);
            assertTrue(signedRequests(rejecting) > 7L * runs, "Pebble refused no nonce in " + runs + " runs");
        }
    }

    @Test
    void triggersTheChallengesOnlyOnceTheChangeIsInSync() throws Exception {
        // its own Pebble, so that its log's challenge triggers are this test's alone (the config's account is
        // new, as every RenewBed config's is, so both challenges are asked for)
        try (RenewBed fresh = RenewBed.start(dir.resolve("insync"), Map.of())) {
            triggersOnlyOnceInSync(fresh);
        }
    }

    private void triggersOnlyOnceInSync(RenewBed bed) throws Exception {
        Path config = config(bed, "www");
        Outcome outcome = renew(bed, config, b -> b.insyncDelay(Duration.ofSeconds(3)));
        assertEquals(0, outcome.run.exit(), outcome.run.all());
        outcome.assertRenewed(bed, "www");
        List<SandboxCall> calls = outcome.calls;
        int publish = indexOf(calls, SandboxCall.CHANGE, 0);
        int cleanup = indexOf(calls, SandboxCall.CHANGE, publish + 1);
        List<SandboxCall> polls = calls.subList(publish + 1, cleanup).stream()
                .filter(c -> c.succeeded(SandboxCall.GET_CHANGE)).toList();
        assertTrue(polls.size() >= 2, "GetChange polls: " + calls);
        Instant submitted = calls.get(publish).time();
        Instant inSync = polls.get(polls.size() - 1).time();
        assertFalse(inSync.isBefore(submitted.plusSeconds(3)), "the last poll came before INSYNC: " + calls);
        for (int i = 0; i < polls.size() - 1; i++) {
            assertTrue(polls.get(i).time().isBefore(submitted.plusSeconds(3)), "a poll after INSYNC: " + calls);
        }
        // Pebble logs each challenge trigger (to the second): none before the change was INSYNC
        List<Instant> triggers = challengeTriggers(bed, submitted.truncatedTo(ChronoUnit.SECONDS));
        assertEquals(2, triggers.size(), bed.pebble.logText());
        for (Instant trigger : triggers) {
            assertFalse(trigger.isBefore(inSync.truncatedTo(ChronoUnit.SECONDS)), trigger + " before " + inSync);
        }
    }

    @Test
    void aNameInNoZoneFailsItsCertificateOnly() throws Exception {
        Path config = bed.config(dir.resolve("renew.yaml"), """
                  www:
                    domains: [www.example.test, "*.example.test"]
                    destinations:
                      - files: {dir: %s}
                  other:
                    domains: [www.other.test]
                    destinations:
                      - files: {dir: %s}
                """.formatted(dir.resolve("www"), dir.resolve("other")));
        Outcome outcome = renew(bed, config, b -> { });
        assertEquals(4, outcome.run.exit(), outcome.run.all());
        assertTrue(Pattern.compile("(?m)^www\\s+renewed").matcher(outcome.run.out()).find(), outcome.run.all());
        assertTrue(Pattern.compile("(?m)^other\\s+failed").matcher(outcome.run.out()).find(), outcome.run.all());
        assertTrue(outcome.run.out().contains("no public Route 53 hosted zone encloses www.other.test"),
                outcome.run.all());
        assertFalse(Files.exists(dir.resolve("other")), "nothing delivered for the failed certificate");
        RenewChecks.assertDelivered(dir.resolve("www"), bed.pebble, WWW);
        assertEquals(outcome.foreign, outcome.sandboxTxt, "the zone's TXT sets");
        RenewChecks.assertChangesPerZone(outcome.calls, 1);
        assertEquals(List.of(), RenewChecks.journal(dir.resolve("state")));
    }

    @Test
    void aConfigWhoseOnlyNameIsInNoZoneFailsInTheSummary() throws Exception {
        Path config = bed.config(dir.resolve("renew.yaml"), """
                  other:
                    domains: [www.other.test]
                    destinations:
                      - files: {dir: %s}
                """.formatted(dir.resolve("other")));
        Outcome outcome = renew(bed, config, b -> { });
        assertEquals(4, outcome.run.exit(), outcome.run.all());
        assertTrue(Pattern.compile("(?m)^other\\s+failed").matcher(outcome.run.out()).find(), outcome.run.all());
        assertEquals(0, outcome.calls.stream().filter(c -> c.is(SandboxCall.CHANGE)).count(), outcome.calls.toString());
        assertEquals(outcome.foreign, outcome.sandboxTxt, "the zone's TXT sets");
    }

    @Test
    void aDryRunChangesNothing() throws Exception {
        Path config = config(bed, "www");
        Outcome outcome = renew(bed, config, b -> { }, "--dry-run");
        assertEquals(0, outcome.run.exit(), outcome.run.all());
        assertTrue(outcome.run.out().contains("would renew"), outcome.run.all());
        assertEquals(0, outcome.calls.stream().filter(c -> c.is(SandboxCall.CHANGE)).count(), outcome.calls.toString());
        assertFalse(Files.exists(dir.resolve("www")), "no files written");
        assertEquals(outcome.foreign, outcome.sandboxTxt, "the zone's TXT sets");
    }

    /** One run's results; the sandbox is closed by then, its TXT sets kept. */
    private record Outcome(CliRun run, List<SandboxCall> calls, List<RecordSet> foreign,
            List<RecordSet> sandboxTxt, Path dir) {
        void assertRenewed(RenewBed on, String... certificates) throws Exception {
            for (String name : certificates) {
                RenewChecks.assertDelivered(dir.resolve(name), on.pebble, domains(name));
            }
            assertEquals(foreign, sandboxTxt, "the zone's TXT sets after the run");
            RenewChecks.assertChangesPerZone(calls, certificates.length);
            assertEquals(List.of(), RenewChecks.journal(dir.resolve("state")), "the journal after the run");
        }
    }

    private int sandboxRuns;

    private Outcome renew(RenewBed on, Path config, Consumer<SandboxBuilder> faults, String... extra)
            throws Exception {
        // a fresh sandbox state per run: the foreign value is seeded with a CREATE, which a second run on the
        // same state would refuse
        Path sandboxDir = dir.resolve("sandbox-" + (++sandboxRuns));
        try (Sandbox sandbox = on.sandbox(sandboxDir, faults)) {
            List<RecordSet> foreign = RenewChecks.seedForeign(sandbox);
            CliRun run = on.renew(sandbox, config, dir.resolve("state"), extra);
            return new Outcome(run, SandboxCall.read(sandboxDir.resolve("calls.jsonl")), foreign,
                    RenewChecks.txtSets(sandbox), dir);
        }
    }

    /** www has a name and its wildcard (two challenges at one name, the other client's); the rest one name. */
    private Path config(RenewBed on, String... certificates) throws Exception {
        StringBuilder yaml = new StringBuilder();
        for (String name : certificates) {
            yaml.append("  ").append(name).append(":\n    domains: [")
                    .append(String.join(", ", domains(name).stream().map(d -> "\"" + d + "\"").toList()))
                    .append("]\n    destinations:\n      - files: {dir: ").append(dir.resolve(name)).append("}\n");
        }
        return on.config(dir.resolve("renew.yaml"), yaml.toString());
    }

    private static List<String> domains(String certificate) {
        return certificate.equals("www") ? WWW : List.of(certificate + ".example.test");
    }

    private static int indexOf(List<SandboxCall> calls, String operation, int from) {
        for (int i = from; i < calls.size(); i++) {
            if (calls.get(i).succeeded(operation)) {
                return i;
            }
        }
        throw new AssertionError("no successful " + operation + " after call " + from + ": " + calls);
    }

    private static long signedRequests(RenewBed on) throws Exception {
        return on.pebble.logText().lines()
                .filter(line -> line.matches(".*POST /(sign-me-up|order-plz|chalZ/|finalize-order/|certZ/).*")).count();
    }

    private static final Pattern PEBBLE_TIME = Pattern.compile("^Pebble (\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}) ");
    private static final DateTimeFormatter PEBBLE_FORMAT = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");

    /** When Pebble received a challenge trigger (POST /chalZ/), from {@code since} on; Pebble logs in UTC here. */
    private static List<Instant> challengeTriggers(RenewBed on, Instant since) throws Exception {
        return on.pebble.logText().lines().filter(line -> line.contains("POST /chalZ/")).map(line -> {
            Matcher time = PEBBLE_TIME.matcher(line);
            if (!time.find()) {
                throw new AssertionError("a Pebble log line without its time: " + line);
            }
            return LocalDateTime.parse(time.group(1), PEBBLE_FORMAT).toInstant(ZoneOffset.UTC);
        }).filter(time -> !time.isBefore(since)).toList();
    }
}
