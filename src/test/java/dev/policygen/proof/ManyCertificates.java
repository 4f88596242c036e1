package dev.policygen.proof;

import dev.policygen.sandbox.FaultSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Many one-name certificates in one zone, one config, one renew run (default concurrency), against
 * a sandbox that throttles Route 53 at 5 requests per second as AWS does per account: total calls,
 * calls by action, Throttling answers, wall time.
 */
final class ManyCertificates {
    static final int THROTTLE_PER_SECOND = 5;

    private final PebbleServer pebble;
    private final int dnsPort;
    private final Path accountKey;
    private final int count;

    record Result(int certificates, int delivered, int exit, List<ObservedCall> calls, long millis, String output) {
        long throttled() {
            return calls.stream().filter(call -> "Throttling".equals(call.error())).count();
        }

        long denied() {
            return calls.stream().filter(ObservedCall::denied).count();
        }

        int count(String action) {
            return AcmeClientsBench.byAction(calls).getOrDefault(action, 0);
        }

        String markdown() {
            return "| Certificates (1 name each, one zone) | Concurrency | Sandbox throttle | Delivered | "
                    + "Route 53 calls | Calls by action | Throttling errors | Wall time |\n"
                    + "|---|---|---|---|---|---|---|---|\n"
                    + "| " + certificates + " | 8 (default) | " + THROTTLE_PER_SECOND + " requests/s | " + delivered
                    + " | " + calls.size() + " | " + AcmeClientsBench.byAction(calls) + " | " + throttled() + " | "
                    + BenchRow.seconds(millis) + " s |\n";
        }
    }

    ManyCertificates(PebbleServer pebble, int dnsPort, Path accountKey, int count) {
        this.pebble = pebble;
        this.dnsPort = dnsPort;
        this.accountKey = accountKey;
        this.count = count;
    }

    Result run(Path directory) throws Exception {
        Map<String, List<String>> certificates = new LinkedHashMap<>();
        List<String> domains = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            certificates.put("c" + i, List.of("c" + i + "." + RenewBed.ZONE));
            domains.add("c" + i + "." + RenewBed.ZONE);
        }
        PolicygenRenewRun run = new PolicygenRenewRun(pebble, accountKey, certificates, AcmeClientsBench.ZONE_ID);
        var policy = RenewBenchRows.policy(run, domains, List.of());
        try (PolicySandbox sandbox = PolicySandbox.start(directory.resolve("sandbox"), dnsPort,
                Map.of(RenewBed.ZONE, AcmeClientsBench.ZONE_ID), policy,
                builder -> builder.faults(new FaultSettings(THROTTLE_PER_SECOND, 0, 0, Duration.ZERO)))) {
            IssuanceResult result = run.run(sandbox, directory);
            return new Result(count, (int) run.delivered(directory), result.outcome().exitCode(), result.calls(),
                    result.wallTime().toMillis(), result.outcome().output());
        }
    }
}
