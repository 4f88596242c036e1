package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.renew.deliver.PemFiles;
import dev.policygen.sandbox.Sandbox;
import dev.policygen.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, "many runners, one state": three renew processes share one S3 state in the sandbox
 * ({@code --state-dir s3://renew-state/fleet}) over 60 certificates of one zone; one is SIGKILLed in the
 * middle of its pass, the other two finish, then one more run after the dead runner's leases expired.
 * Afterwards every certificate is delivered; each was ordered exactly once at the CA: an order the killed
 * runner had recorded in its lease is resumed by whoever takes the lease over (event=order.resumed), and
 * ordered again only when the killed runner had already finalized it, so that its certificate's key died
 * with it (event=order.reissued); no two live runners ever ordered one certificate; no TXT value, journal
 * entry or lease is left. The kill often lands while the killed runner's wave is being delivered, between two
 * of a certificate's four file renames: the set it leaves is renewed whole by the next runner (PemFiles).
 */
class RenewFleetTest extends RenewBedTest {
    private static final int CERTIFICATES = 60;
    private static final String BUCKET = "renew-state";
    private static final String STATE = "s3://" + BUCKET + "/fleet";
    /** Short, so the run after the kill need not wait long for the dead runner's leases. */
    private static final String LEASE = "15s";
    private static final Pattern RENEWING = Pattern.compile("event=renewing cert=(c\\d\\d)");
    private static final Pattern RENEWED = Pattern.compile("event=renewed cert=(c\\d\\d)");
    private static final Pattern RECORDED = Pattern.compile("event=order.recorded cert=(c\\d\\d)");
    private static final Pattern RESUMED = Pattern.compile("event=order.resumed cert=(c\\d\\d)");
    private static final Pattern RESUMED_STATUS = Pattern.compile("event=order.resumed cert=c\\d\\d \\S+ status=(\\w+)");
    private static final Pattern REISSUED = Pattern.compile("event=order.reissued cert=(c\\d\\d)");
    private static final Pattern ABANDONED = Pattern.compile("event=order.abandoned cert=(c\\d\\d)");
    private static final Pattern EXPIRES = Pattern.compile("\"expires\"\\s*:\\s*\"([^\"]+)\"");
    /**
     * The two survivors share the pass with a third JVM and take over the killed runner's 60-certificate share on
     * a busy 2-core machine: twice a single child's limit.
     */
    private static final Duration SURVIVORS_LIMIT = RenewChild.LIMIT.multipliedBy(2);

    @Test
    void threeRunnersOneKilledThenAReRunOrderEachCertificateOnceAndLeaveNothing() throws Exception {
        Path config = bed.config(dir.resolve("renew.yaml"), certificates());
        Path sandboxDir = dir.resolve("sandbox");
        long started = System.nanoTime();
        try (Sandbox sandbox = bed.sandbox(sandboxDir, b -> b.bucket(BUCKET))) {
            long ordersBefore = pebbleCount("POST /order-plz");
            List<RenewChild> runners = new ArrayList<>();
            List<String> outputs = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    runners.add(RenewChild.start(sharedState(sandbox, config, "--concurrency", "8"),
                            dir.resolve("runner-" + i + ".out")));
                }
                int killed = killOneMidPass(runners);
                outputs.add(runners.get(killed).output());
                for (int i = 0; i < runners.size(); i++) {
                    if (i != killed) {
                        assertEquals(0, runners.get(i).awaitExit(SURVIVORS_LIMIT), runners.get(i).output());
                        outputs.add(runners.get(i).output());
                    }
                }
            } finally {
                runners.forEach(RenewChild::close);
                for (int i = 0; i < runners.size(); i++) {
                    // kept for a failure's reading: the test directory goes with the test
                    Files.copy(dir.resolve("runner-" + i + ".out"), Path.of("target", "renew-fleet-runner-" + i + ".out"),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Set<String> inFlightAtKill = new TreeSet<>(certs(RENEWING, outputs.get(0)));
            inFlightAtKill.removeAll(certs(RENEWED, outputs.get(0)));

            // the dead runner's leases expire 15 s after its last renewal (a heartbeat, or the check just before
            // an order or a delivery) at most: the re-run starts once every lease left has expired
            awaitLeasesExpired(sandbox);
            CliRun again = RenewBed.run(sharedState(sandbox, config).toArray(String[]::new));
            assertEquals(0, again.exit(), again.all());
            outputs.add(again.out());
            double seconds = (System.nanoTime() - started) / 1e9;

            Map<String, Integer> ordered = new TreeMap<>();
            Map<String, Integer> renewed = new TreeMap<>();
            for (String output : outputs) {
                certs(RENEWING, output).forEach(cert -> ordered.merge(cert, 1, Integer::sum));
                certs(RENEWED, output).forEach(cert -> renewed.merge(cert, 1, Integer::sum));
            }
            long orders = pebbleCount("POST /order-plz") - ordersBefore;
            int logged = ordered.values().stream().mapToInt(Integer::intValue).sum();
            // the killed runner may have died between its renewing line and its new-order request
            assertTrue(orders <= logged && orders >= logged - inFlightAtKill.size(),
                    "the CA saw " + orders + " orders, the runners logged " + logged);
            // the killed runner may have delivered a certificate and died before logging it: the files below tell
            assertTrue(renewed.values().stream().allMatch(count -> count == 1), "renewed at most once each: " + renewed);
            assertEquals(CERTIFICATES, ordered.size(), ordered.toString());
            for (Map.Entry<String, Integer> cert : ordered.entrySet()) {
                if (inFlightAtKill.contains(cert.getKey())) {
                    // ordered by the killed runner; ordered again only if it died before delivering
                    assertTrue(cert.getValue() <= 2, cert.getKey() + " ordered " + cert.getValue() + " times");
                } else {
                    assertEquals(1, cert.getValue(), cert.getKey() + " ordered; killed mid-order: " + inFlightAtKill);
                }
            }
            // exactly once: one order per certificate, plus one per order the killed runner had finalized (or
            // the CA had invalidated), plus at most one per order it died before recording in its lease
            List<String> resumed = new ArrayList<>();
            List<String> reissued = new ArrayList<>();
            List<String> abandoned = new ArrayList<>();
            for (String output : outputs) {
                resumed.addAll(certs(RESUMED, output));
                reissued.addAll(certs(REISSUED, output));
                abandoned.addAll(certs(ABANDONED, output));
            }
            Map<String, Integer> resumedByStatus = new TreeMap<>();
            for (String output : outputs) {
                certs(RESUMED_STATUS, output).forEach(status -> resumedByStatus.merge(status, 1, Integer::sum));
            }
            Set<String> recordedAtKill = new TreeSet<>(certs(RECORDED, outputs.get(0)));
            recordedAtKill.retainAll(inFlightAtKill);
            Set<String> unrecordedAtKill = new TreeSet<>(inFlightAtKill);
            unrecordedAtKill.removeAll(recordedAtKill);
            long once = CERTIFICATES + reissued.size() + abandoned.size();
            assertTrue(orders >= once && orders <= once + unrecordedAtKill.size(), "the CA saw " + orders
                    + " orders; exactly once allows " + once + " (60 + reissued " + reissued + " + abandoned "
                    + abandoned + ") and at most one more for each of " + unrecordedAtKill);
            List<String> takenOver = new ArrayList<>(resumed);
            takenOver.addAll(reissued);
            takenOver.addAll(abandoned);
            assertTrue(inFlightAtKill.containsAll(takenOver), "only the killed runner's orders are taken over: "
                    + takenOver + " vs " + inFlightAtKill);
            for (String cert : recordedAtKill) {
                if (ordered.get(cert) > 1) {
                    // ordered again by another runner: it found the killed runner's order in the lease
                    assertEquals(1, java.util.Collections.frequency(takenOver, cert), cert + " " + takenOver);
                }
            }
            for (int i = 0; i < CERTIFICATES; i++) {
                String name = name(i);
                RenewChecks.assertDelivered(dir.resolve("certs").resolve(name), bed.pebble,
                        List.of(name + "." + RenewBed.ZONE));
                // the kill can land between two of the four renames: the next runner must have renewed that set whole
                assertTrue(Files.notExists(dir.resolve("certs").resolve(name).resolve(PemFiles.REPLACING)), name);
            }
            RenewChecks.assertZoneClean(sandbox, List.of());
            String journal = new String(sandbox.object(BUCKET, "fleet/journal.json").orElseThrow(),
                    StandardCharsets.UTF_8);
            assertTrue(journal.replaceAll("\\s", "").contains("\"entries\":[]"), journal);
            List<String> leases = sandbox.aws().objects(BUCKET).keySet().stream()
                    .filter(key -> key.startsWith("fleet/leases/")).toList();
            assertEquals(List.of(), leases, "every lease released");

            List<ObservedCall> calls = RenewBed.calls(sandbox);
            Map<String, Integer> byOperation = new TreeMap<>();
            calls.forEach(call -> byOperation.merge(call.action(), 1, Integer::sum));
            String figures = String.format("fleet: %d certificates, 3 runners (one killed with %d in flight) + 1 re-run:"
                    + " %d orders at the CA (%d resumed %s, %d reissued, %d abandoned), %d renewed in the log, %d calls %s,"
                    + " %.1f s", CERTIFICATES, inFlightAtKill.size(), orders, resumed.size(), resumedByStatus, reissued.size(),
                    abandoned.size(), renewed.size(), calls.size(), byOperation, seconds);
            System.out.println(figures);
            Files.writeString(Path.of("target", "renew-fleet-figures.txt"), figures + "\n", StandardCharsets.UTF_8);
        }
    }

    /**
     * SIGKILLs the first runner seen with a certificate renewed while it still runs (whichever JVM started
     * first does the most work); returns its index. Its output is then the killed runner's.
     */
    private static int killOneMidPass(List<RenewChild> runners) throws Exception {
        long deadline = System.nanoTime() + RenewChild.LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < runners.size(); i++) {
                RenewChild runner = runners.get(i);
                if (runner.alive() && RENEWED.matcher(runner.output()).find()) {
                    runner.kill();
                    return i;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no runner renewed a certificate within " + RenewChild.LIMIT.toSeconds() + " s");
    }

    /**
     * Waits until every lease object left under fleet/leases/ has expired by its own "expires" (written on the
     * runners' clock, the real one, as the re-run reads it); the cap only ends a wait that can never end.
     */
    private static void awaitLeasesExpired(Sandbox sandbox) throws InterruptedException {
        long deadline = System.nanoTime() + RenewChild.LIMIT.toNanos();
        while (true) {
            Instant latest = Instant.MIN;
            for (String key : sandbox.aws().objects(BUCKET).keySet()) {
                if (key.startsWith("fleet/leases/")) {
                    String lease = new String(sandbox.object(BUCKET, key).orElse(new byte[0]), StandardCharsets.UTF_8);
                    Matcher expires = EXPIRES.matcher(lease);
                    assertTrue(expires.find(), key + ": " + lease);
                    Instant at = Instant.parse(expires.group(1));
                    latest = at.isAfter(latest) ? at : latest;
                }
            }
            if (Instant.now().isAfter(latest)) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "a lease still live after " + RenewChild.LIMIT.toSeconds()
                    + " s: expires " + latest);
            Thread.sleep(100);
        }
    }

    /** The bed's renew command line with the shared S3 state in place of a local directory. */
    private List<String> sharedState(Sandbox sandbox, Path config, String... extra) {
        List<String> args = new ArrayList<>(bed.renewArguments(sandbox, config, dir.resolve("unused"), extra));
        args.set(args.indexOf("--state-dir") + 1, STATE);
        args.addAll(List.of("--lease", LEASE));
        return args;
    }

    private static String name(int i) {
        return String.format("c%02d", i);
    }

    private String certificates() {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < CERTIFICATES; i++) {
            String name = name(i);
            yaml.append("  ").append(name).append(":\n")
                    .append("    domains: [").append(name).append('.').append(RenewBed.ZONE).append("]\n")
                    .append("    zones: {").append(RenewBed.ZONE).append(": ").append(RenewBed.ZONE_ID).append("}\n")
                    .append("    destinations:\n      - files: {dir: ").append(dir.resolve("certs").resolve(name))
                    .append("}\n");
        }
        return yaml.toString();
    }

    private static List<String> certs(Pattern event, String output) {
        List<String> found = new ArrayList<>();
        Matcher matcher = event.matcher(output);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static long pebbleCount(String request) throws Exception {
        return bed.pebble.logText().lines().filter(line -> line.contains(request)).count();
    }
}
