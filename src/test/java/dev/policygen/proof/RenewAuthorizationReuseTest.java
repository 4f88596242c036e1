package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.sandbox.Sandbox;
import dev.policygen.testing.CliRun;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * policygen renew when the CA reuses the account's valid authorizations, as Let's Encrypt does for
 * weeks: Pebble with {@code PEBBLE_AUTHZREUSE=100} hands every new order the authorizations the
 * account already holds. The first renewal validates (its changes, its INSYNC wait, its clean-up); a
 * second {@code --force-issue} with the same account gets a new certificate without one Route 53
 * write or wait, nothing denied, the zone and the journal as clean as after the first; an order with
 * one name more publishes that name's value alone. With local state and with shared S3 state.
 */
class RenewAuthorizationReuseTest extends RenewBedTest {
    private static final String CHANGE = "route53:ChangeResourceRecordSets";
    private static final String GET_CHANGE = "route53:GetChange";
    private static final List<String> DOMAINS = List.of("www.example.test", "*.example.test");
    private static final String BUCKET = "renew-state";

    /** Hides RenewBedTest's own, so this class's Pebble is the one that always reuses (JUnit runs only this one). */
    @BeforeAll
    static void startPebble() throws Exception {
        bed = RenewBed.start(shared, Map.of("PEBBLE_AUTHZREUSE", "100"));
    }

    private Path config(List<String> domains) throws Exception {
        return bed.config(dir.resolve("renew.yaml"), """
                  www:
                    domains: [%s]
                    destinations:
                      - files: {dir: %s}
                """.formatted(quoted(domains), dir.resolve("www")));
    }

    private static String quoted(List<String> domains) {
        return String.join(", ", domains.stream().map(d -> "\"" + d + "\"").toList());
    }

    @Test
    void aForcedRenewalOfValidatedNamesIssuesWithoutAnyRoute53WriteOrWait() throws Exception {
        Path config = config(DOMAINS);
        Path policy = RenewBed.policyFor(config, dir.resolve("policy.json"), Optional.empty(), false);
        Path state = dir.resolve("state");
        try (Sandbox sandbox = bed.sandbox(dir.resolve("sandbox"), b -> b.policy(policy))) {
            List<ObservedCall> first = run(sandbox, () -> bed.renew(sandbox, config, state, "--policy",
                    policy.toString()), 1);
            assertEquals(2, count(first, CHANGE), "one change to publish, one to clean up: " + first);
            assertTrue(count(first, GET_CHANGE) >= 1, "waited for INSYNC: " + first);
            BigInteger firstSerial = serial();

            List<ObservedCall> second = run(sandbox, () -> bed.renew(sandbox, config, state, "--policy",
                    policy.toString(), "--force-issue"), 0);
            assertEquals(0, count(second, CHANGE), "no challenge value written: " + second);
            assertEquals(0, count(second, GET_CHANGE), "no change waited on: " + second);
            assertEquals(List.of("route53:ListHostedZonesByName"), route53(second),
                    "the zone found, and not even its records read: " + second);
            assertNotEquals(firstSerial, serial(), "a new certificate");
        }
    }

    @Test
    void anOrderWithOneNameMorePublishesThatNameAlone() throws Exception {
        Path config = config(DOMAINS);
        Path state = dir.resolve("state");
        try (Sandbox sandbox = bed.sandbox(dir.resolve("sandbox"), b -> { })) {
            run(sandbox, () -> bed.renew(sandbox, config, state), 1);
            List<String> more = List.of("www.example.test", "*.example.test", "api.example.test");
            Files.writeString(config, Files.readString(config, StandardCharsets.UTF_8)
                    .replace(quoted(DOMAINS), quoted(more)), StandardCharsets.UTF_8);

            List<ObservedCall> second = run(sandbox, () -> bed.renew(sandbox, config, state, "--force-issue"), 1,
                    more);
            List<ObservedCall> changes = second.stream().filter(c -> CHANGE.equals(c.action())).toList();
            assertEquals(2, changes.size(), second.toString());
            for (ObservedCall change : changes) {
                assertEquals(List.of("_acme-challenge.api.example.test"), change.recordNames(),
                        "only the name without a valid authorization: " + change);
            }
        }
    }

    @Test
    void withSharedS3StateTheForcedRenewalAlsoNeedsNoRoute53WriteOrWait() throws Exception {
        Path config = config(DOMAINS);
        try (Sandbox sandbox = bed.sandbox(dir.resolve("sandbox"), b -> b.bucket(BUCKET))) {
            List<ObservedCall> first = run(sandbox, () -> RenewBed.run(sharedState(sandbox, config)), 1);
            assertEquals(2, count(first, CHANGE), first.toString());
            BigInteger firstSerial = serial();

            List<ObservedCall> second = run(sandbox, () -> RenewBed.run(sharedState(sandbox, config,
                    "--force-issue")), 0);
            assertEquals(0, count(second, CHANGE) + count(second, GET_CHANGE), second.toString());
            assertEquals(List.of("route53:ListHostedZonesByName"), route53(second), second.toString());
            assertNotEquals(firstSerial, serial());
            String journal = new String(sandbox.object(BUCKET, "reuse/journal.json").orElseThrow(),
                    StandardCharsets.UTF_8);
            assertTrue(journal.replaceAll("\\s", "").contains("\"entries\":[]"), journal);
            assertEquals(List.of(), sandbox.aws().objects(BUCKET).keySet().stream()
                    .filter(key -> key.startsWith("reuse/leases/")).toList(), "every lease released");
        }
    }

    private interface Renewal {
        CliRun run() throws Exception;
    }

    private List<ObservedCall> run(Sandbox sandbox, Renewal renewal, int waves) throws Exception {
        return run(sandbox, renewal, waves, DOMAINS);
    }

    /**
     * One renewal that must deliver: exit 0, {@code waves} waves, the chain and key in place, no call denied
     * (by renew's guard or the sandbox), the zone without a TXT set, the journal empty. Its calls.
     */
    private List<ObservedCall> run(Sandbox sandbox, Renewal renewal, int waves, List<String> domains)
            throws Exception {
        int before = RenewBed.calls(sandbox).size();
        CliRun run = renewal.run();
        assertEquals(0, run.exit(), run.all());
        assertTrue(run.out().lines().anyMatch(l -> l.matches("www +renewed.*")), run.all());
        assertEquals(waves, run.out().lines().filter(l -> l.contains("event=wave ")).count(), run.all());
        assertFalse(run.all().contains("denies"), "nothing denied by the guard: " + run.all());
        RenewChecks.assertDelivered(dir.resolve("www"), bed.pebble, domains);
        RenewChecks.assertZoneClean(sandbox, List.of());
        if (Files.exists(dir.resolve("state"))) {
            assertEquals(List.of(), RenewChecks.journal(dir.resolve("state")));
        }
        List<ObservedCall> calls = RenewBed.calls(sandbox);
        calls = calls.subList(before, calls.size());
        assertTrue(calls.stream().noneMatch(ObservedCall::denied), "the sandbox denied none: " + calls);
        // shared state's objects are read before the first run has written them
        assertTrue(calls.stream().allMatch(c -> c.status() < 400 || "NoSuchKey".equals(c.error())),
                "no call failed: " + calls);
        return calls;
    }

    private static long count(List<ObservedCall> calls, String action) {
        return calls.stream().filter(c -> action.equals(c.action())).count();
    }

    /** The Route 53 actions among {@code calls}, each once, in the order first made. */
    private static List<String> route53(List<ObservedCall> calls) {
        return calls.stream().map(ObservedCall::action).filter(a -> a != null && a.startsWith("route53:")).distinct()
                .toList();
    }

    private BigInteger serial() throws Exception {
        return PebbleServer.certificates(Files.readString(dir.resolve("www").resolve("cert.pem"),
                StandardCharsets.US_ASCII)).get(0).getSerialNumber();
    }

    /** The bed's renew command line with shared S3 state in place of a local directory. */
    private String[] sharedState(Sandbox sandbox, Path config, String... extra) {
        List<String> args = new ArrayList<>(bed.renewArguments(sandbox, config, dir.resolve("unused"), extra));
        args.set(args.indexOf("--state-dir") + 1, "s3://" + BUCKET + "/reuse");
        return args.toArray(String[]::new);
    }
}
