package dev.policygen.renew.wave;

import dev.policygen.AwsFailure;
import dev.policygen.PolicygenException;
import dev.policygen.renew.acme.ChallengePublisher;
import dev.policygen.renew.acme.ChallengeRecord;
import dev.policygen.renew.dns.ChallengeZones;
import dev.policygen.renew.dns.ChangeWaiter;
import dev.policygen.renew.dns.ZoneRecords;
import dev.policygen.renew.report.RenewLog;
import dev.policygen.renew.state.Journal;
import dev.policygen.route53.HostedZoneId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The waves of one pass. An order whose DNS-01 values are known joins the wave being gathered (or
 * starts one and leads it); the wave closes when no certificate of the pass can still join, when no
 * order has joined for {@link #GATHER_QUIET}, or {@link #GATHER_LONGEST} after it started, whichever is
 * first; its leader then publishes it (one change and one INSYNC wait per zone) while later orders
 * gather for the next wave. Each order's publish returns when its wave is INSYNC, failing alone if its
 * zone or one of its names failed; its withdraw only marks it done, and the last order of the wave to
 * withdraw removes the wave's values, one change per zone, so a slow or failed order never holds up
 * the others' finalization, and a failed order's values go in the same clean-up.
 *
 * <p>Why 2 s and 15 s: on AWS a change takes 30 to 60 s to be INSYNC, so waiting a few seconds for more
 * orders costs each order a fraction of that and saves the next wave's four Route 53 requests and its
 * own 30-60 s wait. Two seconds without a new order means ordering has stalled (a CA's rate limit, say;
 * one second was crossed by a loaded machine's pauses); the end of ordering needs no timer, since a
 * wave closes as soon as every certificate has joined or finished. 15 s bounds what the first order of
 * a wave pays while orders keep coming, and keeps a pass of any size at four requests per 15 s for its
 * waves (~5 % of the account's 5 requests/s). It was 5 s: 1,000 certificates ordered at 20-40 a second
 * on the 2-core bench machine made 5-10 waves and 20-41 requests (issue 13's target is 40), where
 * 15 s makes 2-4; orders of a closed wave could not go on meanwhile anyway, since new certificates go
 * first for the work slots ({@link WorkSlots}). A pass whose certificates have all joined (or finished)
 * never waits at all.
 */
public final class ChallengeWaves {
    public static final Duration GATHER_QUIET = Duration.ofSeconds(2);
    public static final Duration GATHER_LONGEST = Duration.ofSeconds(15);
    /** A wake-up this late is ordinary scheduling; later, the process was stopped and the quiet is extended. */
    private static final long OVERSLEEP_IGNORED = Duration.ofMillis(100).toNanos();

    private final ChallengeZones zones;
    private final ZoneRecords records;
    private final ChangeWaiter waiter;
    private final Journal journal;
    private final WorkSlots slots;
    private final RenewLog log;
    private final long quietNanos;
    private final long longestNanos;
    private final LongSupplier nanoTime;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition joined = lock.newCondition();
    private final Set<String> joinedEver = new HashSet<>();
    private final List<PolicygenException> cleanupFailures = Collections.synchronizedList(new ArrayList<>());
    private Wave gathering;
    private long lastJoin;
    private int coming;
    private int waves;

    public ChallengeWaves(ChallengeZones zones, ZoneRecords records, ChangeWaiter waiter, Journal journal,
            WorkSlots slots, RenewLog log) {
        this(zones, records, waiter, journal, slots, log, GATHER_QUIET, GATHER_LONGEST, System::nanoTime);
    }

    /** With the gathering windows and the clock given: tests. */
    public ChallengeWaves(ChallengeZones zones, ZoneRecords records, ChangeWaiter waiter, Journal journal,
            WorkSlots slots, RenewLog log, Duration quiet, Duration longest, LongSupplier nanoTime) {
        this.zones = zones;
        this.records = records;
        this.waiter = waiter;
        this.journal = journal;
        this.slots = slots;
        this.log = log;
        this.quietNanos = quiet.toNanos();
        this.longestNanos = longest.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The pass's certificates that may join a wave; a wave closes at once when all have joined or finished. */
    public void expect(int certificates) {
        lock.lock();
        try {
            coming = certificates;
        } finally {
            lock.unlock();
        }
    }

    /** A certificate of the pass is done; if it never joined a wave (not due, failed before) none waits for it. */
    public void finished(String certificate) {
        lock.lock();
        try {
            if (joinedEver.add(certificate)) {
                coming--;
                joined.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waves published so far. */
    public int waves() {
        lock.lock();
        try {
            return waves;
        } finally {
            lock.unlock();
        }
    }

    /** Clean-ups that failed (their values stay in the journal for the next run). */
    public List<PolicygenException> cleanupFailures() {
        synchronized (cleanupFailures) {
            return List.copyOf(cleanupFailures);
        }
    }

    /**
     * The publisher of one certificate's order.
     *
     * @param configuredZones normalized certificate name (no wildcard) to the zone the config gives, if any
     */
    public ChallengePublisher publisher(String certificate, Map<String, Optional<HostedZoneId>> configuredZones) {
        return new Member(certificate, Map.copyOf(configuredZones));
    }

    private final class Member implements ChallengePublisher {
        private final String certificate;
        private final Map<String, Optional<HostedZoneId>> configuredZones;
        private Wave wave;
        private boolean withdrawn;
        /** The wave whose clean-up this order ran and which failed: the next withdraw tries it again. */
        private Wave cleanupOwed;

        Member(String certificate, Map<String, Optional<HostedZoneId>> configuredZones) {
            this.certificate = certificate;
            this.configuredZones = configuredZones;
        }

        @Override
        public void publish(List<ChallengeRecord> challenges) throws PolicygenException, InterruptedException {
            Wave.Order order = new Wave.Order(certificate, zones.valuesByZone(challenges, configuredZones));
            boolean hadSlot = slots.holds();
            // waiting for the wave is not work: the slot lets the next certificate reach this wave
            slots.release();
            try {
                join(order);
                Optional<PolicygenException> failure = wave.awaitPublished(order);
                if (failure.isPresent()) {
                    throw failure.get();
                }
            } finally {
                if (hadSlot) {
                    slots.reacquire();
                }
            }
        }

        private void join(Wave.Order order) throws InterruptedException {
            boolean leader = false;
            lock.lock();
            try {
                if (joinedEver.add(certificate)) {
                    coming--;
                }
                if (gathering == null) {
                    gathering = new Wave(++waves);
                    leader = true;
                }
                wave = gathering;
                wave.add(order);
                lastJoin = nanoTime.getAsLong();
                joined.signalAll();
                if (leader) {
                    gather();
                }
            } catch (InterruptedException e) {
                if (gathering == wave) {
                    gathering = null;
                }
                wave.abandon(new AwsFailure(AwsFailure.Kind.UNREACHABLE, "interrupted while gathering the wave", e));
                throw e;
            } finally {
                lock.unlock();
            }
            if (leader) {
                log.info("wave", "wave", wave.number(), "orders", wave.size(), "zones", wave.merged().size());
                wave.publish(records, waiter, journal);
                if (wave.publishedAndLast()) {
                    // every order withdrew while the wave was published (they were interrupted): clean up now
                    List<PolicygenException> failed = wave.cleanUp(records, journal);
                    failed.forEach(f -> log.error("cleanup.failed", "wave", wave.number(), "error", f.getMessage()));
                    cleanupFailures.addAll(failed);
                }
            }
        }

        /**
         * The leader, under the lock: waits until the wave closes, then lets the next one gather. When
         * the leader wakes well after it meant to, the process was not running (a collection's pause, a
         * starved CPU) and no order could join meanwhile, so the quiet starts again from that wake-up;
         * the longest window still bounds the wave. On the loaded 2-core bench machine a 2.6 s pause
         * closed a wave of 42 orders whose next order came right after it.
         */
        private void gather() throws InterruptedException {
            long started = nanoTime.getAsLong();
            long quietFrom = lastJoin;
            while (coming > 0) {
                quietFrom = Math.max(quietFrom, lastJoin);
                long now = nanoTime.getAsLong();
                long left = Math.min(quietFrom + quietNanos, started + longestNanos) - now;
                if (left <= 0) {
                    break;
                }
                joined.awaitNanos(left);
                long woke = nanoTime.getAsLong();
                if (woke - now - left > OVERSLEEP_IGNORED) {
                    quietFrom = woke;
                }
            }
            gathering = null;
        }

        /**
         * Marks the order done; the last order of the wave out removes the wave's values, and a clean-up
         * that failed is thrown to it and tried again on its next withdraw (the journal keeps the values).
         */
        @Override
        public void withdraw() throws PolicygenException, InterruptedException {
            Wave done;
            synchronized (this) {
                if (cleanupOwed != null) {
                    done = cleanupOwed;
                } else if (wave == null || withdrawn) {
                    return;
                } else {
                    withdrawn = true;
                    done = wave.withdrawnAndLast() ? wave : null;
                }
                cleanupOwed = null;
            }
            if (done == null) {
                return;
            }
            List<PolicygenException> failed = done.cleanUp(records, journal);
            if (!failed.isEmpty()) {
                synchronized (this) {
                    cleanupOwed = done;
                }
                throw failed.get(0);
            }
        }
    }
}
