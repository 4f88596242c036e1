package dev.policygen.proof;

import dev.policygen.sandbox.FaultSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Many one-name certificates in one zone, one config, one renew run (default concurrency), against
 * a sandbox that throttles Route 53 at 5 requests per second as AWS does per account: total calls,
 * calls by action, Throttling answers, wall time and the renew JVM's peak heap. The same pass with
 * Route 53 answering instantly (no throttle, {@code --route53-rate} at its ceiling) is the ACME-only
 * floor a pass's wall time is held against (issue 13: within 1.5×).
 */
final class ManyCertificates {
    static final int THROTTLE_PER_SECOND = 5;

    private final PebbleServer pebble;
    private final int dnsPort;
    private final int count;

    /** The ceiling of --route53-rate: with no throttle in the sandbox, Route 53 never makes renew wait. */
    static final int INSTANT_RATE = 100;

    record Result(int certificates, boolean instant, int delivered, int exit, List<ObservedCall> calls, long millis,
            String output, HeapLog heap) {
        long throttled() {
            return calls.stream().filter(call -> "Throttling".equals(call.error())).count();
        }

        long denied() {
            return calls.stream().filter(ObservedCall::denied).count();
        }

        int count(String action) {
            return AcmeClientsBench.byAction(calls).getOrDefault(action, 0);
        }

        static String header() {
            return "| Certificates (1 name each, one zone) | Concurrency | Route 53 | Delivered | "
                    + "Route 53 calls | Calls by action | Throttling errors | Wall time | Peak heap |\n"
                    + "|---|---|---|---|---|---|---|---|---|\n";
        }

        String markdown() {
            return "| " + certificates + " | 8 (default) | "
                    + (instant ? "instant (floor)" : "throttled at " + THROTTLE_PER_SECOND + " requests/s") + " | "
                    + delivered + " | " + calls.size() + " | " + AcmeClientsBench.byAction(calls) + " | " + throttled()
                    + " | " + BenchRow.seconds(millis) + " s | " + (heap == null ? "–" : heap.markdown()) + " |\n";
        }
    }

    ManyCertificates(PebbleServer pebble, int dnsPort, int count) {
        this.pebble = pebble;
        this.dnsPort = dnsPort;
        this.count = count;
    }

    /**
     * One pass: throttled at 5 requests per second with renew's default rate, or (instant) unthrottled
     * with renew's rate at its ceiling. {@code prefix} names the certificates (c1, c2... or f1, f2...);
     * each pass registers its own account as well ({@link PolicygenRenewRun}), so no pass gets an
     * authorization an earlier pass validated.
     */
    Result run(Path directory, boolean instant, String prefix) throws Exception {
        Map<String, List<String>> certificates = new LinkedHashMap<>();
        List<String> domains = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            certificates.put(prefix + i, List.of(prefix + i + "." + RenewBed.ZONE));
            domains.add(prefix + i + "." + RenewBed.ZONE);
        }
        Path gcLog = directory.resolve("gc.log");
        PolicygenRenewRun run = new PolicygenRenewRun(pebble, certificates, AcmeClientsBench.ZONE_ID,
                HeapLog.jvmOptions(gcLog),
                instant ? List.of("--route53-rate", String.valueOf(INSTANT_RATE)) : List.of());
        var policy = RenewBenchRows.fleetPolicy(run, domains);
        FaultSettings faults = instant ? FaultSettings.NONE
                : new FaultSettings(THROTTLE_PER_SECOND, 0, 0, Duration.ZERO);
        try (PolicySandbox sandbox = PolicySandbox.start(directory.resolve("sandbox"), dnsPort,
                Map.of(RenewBed.ZONE, AcmeClientsBench.ZONE_ID), policy, builder -> builder.faults(faults))) {
            IssuanceResult result = run.run(sandbox, directory);
            return new Result(count, instant, (int) run.delivered(directory), result.outcome().exitCode(),
                    result.calls(), result.wallTime().toMillis(), result.outcome().output(),
                    Files.exists(gcLog) ? HeapLog.read(gcLog) : null);
        }
    }
}
