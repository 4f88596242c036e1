package dev.policygen.renew.state;

import dev.policygen.InputException;
import dev.policygen.PolicygenException;
import dev.policygen.renew.cloud.ConditionalWrite;
import dev.policygen.renew.cloud.ObjectStore.Versioned;
import dev.policygen.renew.pace.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A lease per certificate in a shared state prefix ({@code leases/CERTIFICATE.json}), so that of
 * several runners exactly one renews a certificate at a time. Taken with {@code If-None-Match: *};
 * renewed, taken over after expiry and released with {@code If-Match} on the ETag this runner last
 * wrote, so a runner can only ever change a lease it holds or one that has expired. A 412 means another
 * runner holds it (the certificate is skipped this pass); a 409 (two conditional writes at once) is
 * retried after a pause ({@link CollisionBackoff#forLeases}). docs/design/s3-state.md gives the rules
 * and why.
 */
public final class Leases {
    /** Long enough for no renewal to miss its heartbeat, short enough that a crashed runner's certificates wait little. */
    public static final Duration DEFAULT_DURATION = Duration.ofMinutes(5);
    static final String DIRECTORY = "leases/";
    /** Lease renewals of one heartbeat sent at once at most. */
    static final int PARALLEL = 8;

    /**
     * A lease this runner took; {@code previousHolder} is the runner whose expired lease it took over,
     * {@code order} the ACME order that runner recorded and did not finish.
     */
    public record Taken(String certificate, Optional<String> previousHolder, Optional<String> order) {
        public Taken(String certificate, Optional<String> previousHolder) {
            this(certificate, previousHolder, Optional.empty());
        }
    }

    private final StateObjects objects;
    private final String holder;
    private final Duration duration;
    private final Clock clock;
    private final CollisionBackoff backoff;
    /** Certificate to the ETag of the lease object this runner last wrote. */
    private final Map<String, String> held = new ConcurrentHashMap<>();
    /** Certificate to the ACME order URL its lease carries (written with every renewal until release). */
    private final Map<String, String> orders = new ConcurrentHashMap<>();
    /**
     * One write at a time per certificate: the heartbeat and the check before an order must not both
     * send If-Match with the same ETag, or the loser's 412 would make this runner drop a lease it holds.
     */
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public Leases(StateObjects objects, String holder, Duration duration, Clock clock, Sleeper sleeper) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a lease lasts a positive duration");
        }
        this.objects = objects;
        this.holder = holder;
        this.duration = duration;
        this.clock = clock;
        this.backoff = CollisionBackoff.forLeases(sleeper);
    }

    public String holder() {
        return holder;
    }

    public Duration duration() {
        return duration;
    }

    static String name(String certificate) {
        return DIRECTORY + certificate + ".json";
    }

    /**
     * Takes the certificate's lease: creates it, or takes over one that has expired; empty when another
     * runner holds it (or took it over first).
     */
    public Optional<Taken> take(String certificate) throws PolicygenException, InterruptedException {
        synchronized (lock(certificate)) {
            return takeFree(certificate);
        }
    }

    private Optional<Taken> takeFree(String certificate) throws PolicygenException, InterruptedException {
        String name = name(certificate);
        for (int attempt = 1; attempt <= backoff.attempts(); attempt++) {
            orders.remove(certificate);
            ConditionalWrite created = objects.create(name, fresh(certificate));
            if (created.written()) {
                held.put(certificate, created.etag());
                return Optional.of(new Taken(certificate, Optional.empty()));
            }
            if (created.outcome() == ConditionalWrite.Outcome.CONFLICT) {
                backoff.pause(attempt);
                continue;
            }
            Optional<Versioned> current = objects.read(name);
            if (current.isEmpty()) {
                continue; // released between our create and read: create again
            }
            Optional<Lease> lease = parse(current.get(), name);
            if (lease.isPresent() && lease.get().live(clock.instant())) {
                return Optional.empty();
            }
            // the dead holder's order stays in the lease until this runner finished or replaced it, so a
            // crash of this runner too still leaves it to the next
            Optional<String> order = lease.flatMap(Lease::order);
            order.ifPresentOrElse(url -> orders.put(certificate, url), () -> orders.remove(certificate));
            ConditionalWrite stolen = objects.replace(name, fresh(certificate), current.get().etag());
            if (stolen.written()) {
                held.put(certificate, stolen.etag());
                return Optional.of(new Taken(certificate, Optional.of(lease.map(Lease::holder).orElse("(unreadable)")),
                        order));
            }
            orders.remove(certificate);
            if (stolen.outcome() == ConditionalWrite.Outcome.PRECONDITION_FAILED) {
                return Optional.empty(); // another runner took it over first
            }
            backoff.pause(attempt);
        }
        return Optional.empty();
    }

    /**
     * Records the certificate's ACME order in its held lease (a renewal carrying the order URL), so that
     * a runner taking the lease over after this one died resumes the order; false when the lease was lost.
     */
    public boolean recordOrder(String certificate, String order) throws PolicygenException, InterruptedException {
        synchronized (lock(certificate)) {
            orders.put(certificate, order);
            return renewHeld(certificate) == Renewal.RENEWED;
        }
    }

    /** Extends a held lease by the duration from now; false when it was lost (another runner took it over). */
    public boolean renew(String certificate) throws PolicygenException, InterruptedException {
        synchronized (lock(certificate)) {
            return renewHeld(certificate) == Renewal.RENEWED;
        }
    }

    private enum Renewal { RENEWED, LOST, NOT_HELD }

    private Object lock(String certificate) {
        return locks.computeIfAbsent(certificate, name -> new Object());
    }

    private Renewal renewHeld(String certificate) throws PolicygenException, InterruptedException {
        for (int attempt = 1; attempt <= backoff.attempts(); attempt++) {
            String etag = held.get(certificate);
            if (etag == null) {
                return Renewal.NOT_HELD;
            }
            ConditionalWrite renewed = objects.replace(name(certificate), fresh(certificate), etag);
            if (renewed.written()) {
                held.put(certificate, renewed.etag());
                return Renewal.RENEWED;
            }
            if (renewed.outcome() == ConditionalWrite.Outcome.PRECONDITION_FAILED) {
                held.remove(certificate);
                orders.remove(certificate);
                return Renewal.LOST;
            }
            backoff.pause(attempt);
        }
        // every try a conflict: keep it, the next beat tries again well before expiry
        return Renewal.RENEWED;
    }

    /**
     * Renews every held lease (the heartbeat), up to {@link #PARALLEL} requests at once so that a runner
     * holding many leases renews them all well within a beat; returns the certificates whose lease was lost.
     */
    public List<String> renewAll() throws PolicygenException, InterruptedException {
        List<String> certificates = List.copyOf(held.keySet());
        List<String> lost = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<PolicygenException> failure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.max(1, Math.min(PARALLEL, certificates.size())), runnable -> {
                    Thread thread = new Thread(runnable, "policygen-lease-renew");
                    thread.setDaemon(true);
                    return thread;
                });
        try {
            List<Future<?>> renewals = new ArrayList<>();
            for (String certificate : certificates) {
                renewals.add(pool.submit(() -> {
                    try {
                        Renewal renewal;
                        synchronized (lock(certificate)) {
                            renewal = renewHeld(certificate);
                        }
                        if (renewal == Renewal.LOST) {
                            lost.add(certificate);
                        }
                    } catch (PolicygenException e) {
                        failure.compareAndSet(null, e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            for (Future<?> renewal : renewals) {
                try {
                    renewal.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        List<String> sorted = new ArrayList<>(lost);
        Collections.sort(sorted);
        return sorted;
    }

    /** Deletes a held lease, only if it is still the one this runner wrote; a lost lease is left alone. */
    public void release(String certificate) throws PolicygenException, InterruptedException {
        synchronized (lock(certificate)) {
            releaseHeld(certificate);
        }
    }

    private void releaseHeld(String certificate) throws PolicygenException, InterruptedException {
        for (int attempt = 1; attempt <= backoff.attempts(); attempt++) {
            String etag = held.get(certificate);
            if (etag == null) {
                return;
            }
            ConditionalWrite deleted = objects.delete(name(certificate), etag);
            if (deleted.outcome() != ConditionalWrite.Outcome.CONFLICT) {
                held.remove(certificate);
                orders.remove(certificate);
                return;
            }
            backoff.pause(attempt);
        }
    }

    /** Whether this runner holds the certificate's lease (as far as it knows: it has not seen it lost). */
    public boolean holds(String certificate) {
        return held.containsKey(certificate);
    }

    /** Whether some runner holds a live lease on the certificate now: its journal entries are then not orphans. */
    public boolean heldByAnyone(String certificate) throws PolicygenException, InterruptedException {
        String name = name(certificate);
        Optional<Versioned> current = objects.read(name);
        if (current.isEmpty()) {
            return false;
        }
        Optional<Lease> lease = parse(current.get(), name);
        return lease.isPresent() && lease.get().live(clock.instant());
    }

    private byte[] fresh(String certificate) {
        return new Lease(certificate, holder, clock.instant().plus(duration),
                Optional.ofNullable(orders.get(certificate))).render();
    }

    /** An unreadable lease object counts as expired: it can only be replaced conditionally, by one runner. */
    private Optional<Lease> parse(Versioned object, String name) {
        try {
            return Optional.of(Lease.parse(object.body(), objects.uri(name)));
        } catch (InputException e) {
            return Optional.empty();
        }
    }
}
