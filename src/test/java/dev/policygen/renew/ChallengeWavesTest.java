package dev.policygen.renew;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.AwsFailure;
import dev.policygen.renew.acme.ChallengePublisher;
import dev.policygen.renew.acme.ChallengeRecord;
import dev.policygen.renew.dns.ChallengeZones;
import dev.policygen.renew.dns.ChangeWaiter;
import dev.policygen.renew.dns.ZoneRecords;
import dev.policygen.renew.guard.GuardedAws;
import dev.policygen.renew.report.RenewLog;
import dev.policygen.renew.state.Journal;
import dev.policygen.renew.wave.ChallengeWaves;
import dev.policygen.renew.wave.WorkSlots;
import dev.policygen.route53.HostedZoneId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, the waves themselves: an order ready while a wave is being published joins the next wave;
 * the clean-up waits for the last order of the wave and removes a failed order's values too; a zone
 * that fails fails only the orders with a name in it.
 */
class ChallengeWavesTest {
    private static final HostedZoneId COM = new HostedZoneId("Z1COM");
    private static final HostedZoneId ORG = new HostedZoneId("Z2ORG");

    @TempDir
    Path dir;
    private final FakeRoute53 route53 = new FakeRoute53().zone("Z1COM", "example.com", false)
            .zone("Z2ORG", "example.org", false);
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private Journal journal;
    private ChallengeWaves waves;

    @BeforeEach
    void open() throws Exception {
        journal = Journal.open(dir, Clock.systemUTC());
        GuardedAws aws = EngineFakes.guarded(EngineFakes.services(route53));
        waves = new ChallengeWaves(new ChallengeZones(aws), new ZoneRecords(aws, d -> { }),
                new ChangeWaiter(aws, Clock.systemUTC(), d -> { }, Duration.ofMinutes(1)), journal,
                WorkSlots.unlimited(), new RenewLog(new PrintWriter(new StringWriter()), RenewLog.Format.TEXT,
                        Clock.systemUTC()));
    }

    @AfterEach
    void close() throws Exception {
        pool.shutdownNow();
        journal.close();
    }

    private ChallengePublisher publisher(String certificate, String name, HostedZoneId zone) {
        return waves.publisher(certificate, Map.of(name, Optional.of(zone)));
    }

    private static List<ChallengeRecord> records(String name, String digest) {
        return List.of(new ChallengeRecord(name, "_acme-challenge." + name, digest));
    }

    @Test
    void anOrderReadyWhileAWaveIsPublishedJoinsTheNextWave() throws Exception {
        waves.expect(3);
        ChallengePublisher a = publisher("a", "a.example.com", COM);
        ChallengePublisher b = publisher("b", "b.example.com", COM);
        ChallengePublisher c = publisher("c", "c.example.com", COM);
        Future<?>[] late = new Future<?>[1];
        // while wave 1's change is being applied, c's values become known
        route53.beforeChange.add(() -> {
            late[0] = pool.submit(() -> {
                c.publish(records("c.example.com", "vc"));
                return null;
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (waves.waves() < 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        });
        Future<?> first = pool.submit(() -> {
            a.publish(records("a.example.com", "va"));
            return null;
        });
        b.publish(records("b.example.com", "vb"));
        first.get(10, TimeUnit.SECONDS);
        late[0].get(10, TimeUnit.SECONDS);

        assertEquals(2, waves.waves());
        assertEquals(2, route53.changes.size());
        assertEquals(2, route53.changes.get(0).size(), "a and b in wave 1: " + route53.changes);
        assertEquals(1, route53.changes.get(1).size(), "c in wave 2");

        a.withdraw();
        assertEquals(2, route53.changes.size(), "wave 1 waits for b before its clean-up");
        b.withdraw();
        assertEquals(3, route53.changes.size());
        assertEquals(List.of(), route53.values("Z1COM", "_acme-challenge.a.example.com"));
        assertEquals(List.of("\"vc\""), route53.values("Z1COM", "_acme-challenge.c.example.com"));
        c.withdraw();
        assertEquals(4, route53.changes.size());
        assertTrue(route53.records.get(COM).isEmpty());
        assertEquals(List.of(), journal.leftovers());
    }

    @Test
    void aZoneThatFailsFailsOnlyTheOrdersWithANameInIt() throws Exception {
        waves.expect(2);
        ChallengePublisher com = publisher("com", "www.example.com", COM);
        ChallengePublisher org = publisher("org", "www.example.org", ORG);
        route53.notPermitted.add("_acme-challenge.www.example.org");
        Future<?> first = pool.submit(() -> {
            com.publish(records("www.example.com", "v1"));
            return null;
        });
        AwsFailure failure = assertThrows(AwsFailure.class, () -> org.publish(records("www.example.org", "v2")));
        first.get(10, TimeUnit.SECONDS);

        assertTrue(failure.getMessage().contains("not permitted"), failure.getMessage());
        assertEquals(1, waves.waves());
        assertEquals(List.of("\"v1\""), route53.values("Z1COM", "_acme-challenge.www.example.com"));
        org.withdraw();
        com.withdraw();
        assertTrue(route53.records.get(COM).isEmpty());
        assertEquals(List.of(), journal.leftovers(), "the refused value, never written, is forgotten too");
    }

    @Test
    void aCertificateThatNeverJoinsDoesNotHoldTheWave() throws Exception {
        // windows of an hour: a wave that waited for the one that never joins would hang, not merely be slow
        GuardedAws aws = EngineFakes.guarded(EngineFakes.services(route53));
        ChallengeWaves waves = new ChallengeWaves(new ChallengeZones(aws), new ZoneRecords(aws, d -> { }),
                new ChangeWaiter(aws, Clock.systemUTC(), d -> { }, Duration.ofMinutes(1)), journal,
                WorkSlots.unlimited(), new RenewLog(new PrintWriter(new StringWriter()), RenewLog.Format.TEXT,
                        Clock.systemUTC()), Duration.ofHours(1), Duration.ofHours(1), System::nanoTime);
        waves.expect(2);
        ChallengePublisher a = waves.publisher("a", Map.of("a.example.com", Optional.of(COM)));
        waves.finished("skipped");
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> a.publish(records("a.example.com", "va")),
                "closed at once: no certificate of the pass can still join");
        a.withdraw();
        assertEquals(2, route53.changes.size());
    }

    @Test
    void timeTheProcessWasStoppedIsNotQuiet() throws Exception {
        // the clock jumps 10 s while the leader waits out its 1 s of quiet, as in a long collection pause
        AtomicBoolean stopped = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger readsAfterStop = new AtomicInteger();
        LongSupplier clock = () -> {
            if (!stopped.get()) {
                reads.incrementAndGet();
                return 0L;
            }
            readsAfterStop.incrementAndGet();
            return TimeUnit.SECONDS.toNanos(10);
        };
        GuardedAws aws = EngineFakes.guarded(EngineFakes.services(route53));
        ChallengeWaves paused = new ChallengeWaves(new ChallengeZones(aws), new ZoneRecords(aws, d -> { }),
                new ChangeWaiter(aws, Clock.systemUTC(), d -> { }, Duration.ofMinutes(1)), journal,
                WorkSlots.unlimited(), new RenewLog(new PrintWriter(new StringWriter()), RenewLog.Format.TEXT,
                        Clock.systemUTC()), Duration.ofSeconds(1), Duration.ofHours(1), clock);
        paused.expect(2);
        ChallengePublisher a = paused.publisher("a", Map.of("a.example.com", Optional.of(COM)));
        ChallengePublisher b = paused.publisher("b", Map.of("b.example.com", Optional.of(COM)));
        Future<?> leader = pool.submit(() -> {
            a.publish(records("a.example.com", "va"));
            return null;
        });
        // a's join, the gathering's start and its first wait each read the clock once before the wait
        while (reads.get() < 3) {
            Thread.onSpinWait();
        }
        stopped.set(true);
        // the leader wakes, reads the clock, and (fixed) waits a new quiet: b joins it in the same wave
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (readsAfterStop.get() < 2 && !leader.isDone() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        b.publish(records("b.example.com", "vb"));
        leader.get(10, TimeUnit.SECONDS);
        assertEquals(1, paused.waves(), "b joined the wave the pause did not close");
        assertEquals(2, route53.changes.get(0).size(), route53.changes.toString());
        a.withdraw();
        b.withdraw();
        assertEquals(List.of(), journal.leftovers());
    }
}
