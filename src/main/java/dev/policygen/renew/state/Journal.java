package dev.policygen.renew.state;

import dev.policygen.InputException;
import dev.policygen.PolicygenException;
import dev.policygen.renew.pace.Sleeper;
import dev.policygen.route53.HostedZoneId;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The TXT values this renewer put in Route 53 and has not removed yet. Values are recorded (and
 * stored) before the change that creates them is sent, and forgotten only after the change that
 * removes them succeeded, so after a crash the next run or {@code policygen cleanup} removes exactly
 * these values and never another client's.
 *
 * <p>In a local state directory ({@link #open(Path, Clock)}): {@code journal.json}, one run at a time
 * through an exclusive lock on {@code journal.lock} held until {@link #close}. In a shared S3 state
 * ({@link #openShared}): one {@code journal.json} object that every runner changes with conditional
 * writes, each its own entries; a runner starts with the orphans (entries of certificates whose lease
 * nobody holds) as its leftovers (docs/design/s3-state.md).
 */
public final class Journal implements AutoCloseable {
    public static final String FILE = "journal.json";
    public static final String LOCK = "journal.lock";

    /** One TXT value we created: {@code value} exactly as sent to Route 53, quotes included. */
    public record Entry(HostedZoneId zone, String recordName, String value, String certificate, Instant created) {
    }

    private final JournalStore store;
    private final Clock clock;
    private final List<Entry> entries;
    private boolean closed;

    private Journal(JournalStore store, Clock clock, List<Entry> entries) {
        this.store = store;
        this.clock = clock;
        this.entries = entries;
    }

    /**
     * Creates {@code stateDir} (mode 0700) if needed, locks it against other runs and reads the journal.
     *
     * @throws InputException when another run holds the lock, the directory cannot be used, or the
     *     journal is not one this class wrote
     */
    public static Journal open(Path stateDir, Clock clock) throws InputException {
        LocalJournalFile file = LocalJournalFile.open(stateDir);
        try {
            return new Journal(file, clock, new ArrayList<>(file.load()));
        } catch (InputException | RuntimeException e) {
            try {
                file.close();
            } catch (IOException ignored) {
                // the open failed already; releasing the lock is best effort
            }
            throw e;
        }
    }

    /**
     * The journal of a shared state prefix; its leftovers are the orphaned entries, those of certificates
     * whose lease nobody holds.
     */
    public static Journal openShared(StateObjects objects, Leases leases, Clock clock, Sleeper sleeper)
            throws PolicygenException, InterruptedException {
        SharedJournal shared = new SharedJournal(objects, leases, sleeper);
        return new Journal(shared, clock, new ArrayList<>(shared.load()));
    }

    /**
     * Write-ahead: records {@code values} (record name to TXT values as they will be sent) for
     * {@code certificate} in {@code zone}, on disk before this returns. Call it before sending the
     * change that creates them. Values already recorded are kept once.
     */
    public synchronized void record(String certificate, HostedZoneId zone, Map<String, List<String>> values)
            throws IOException {
        recordAll(zone, Map.of(certificate, values));
    }

    /**
     * {@link #record} for several certificates in one write: the orders of a wave (certificate to record
     * name to values) in {@code zone}, one fsynced save however many orders the wave holds.
     */
    public synchronized void recordAll(HostedZoneId zone, Map<String, Map<String, List<String>>> byCertificate)
            throws IOException {
        ensureOpen();
        Instant now = clock.instant();
        List<Entry> next = new ArrayList<>(entries);
        for (Map.Entry<String, Map<String, List<String>>> certificate : byCertificate.entrySet()) {
            for (Map.Entry<String, List<String>> name : certificate.getValue().entrySet()) {
                for (String value : name.getValue()) {
                    if (find(next, zone, name.getKey(), value) < 0) {
                        next.add(new Entry(zone, name.getKey(), value, certificate.getKey(), now));
                    }
                }
            }
        }
        save(next);
    }

    /** Forgets values of {@code zone} whose removal from Route 53 succeeded; unknown values are ignored. */
    public synchronized void forget(HostedZoneId zone, Map<String, List<String>> removed) throws IOException {
        ensureOpen();
        List<Entry> next = new ArrayList<>(entries);
        for (Map.Entry<String, List<String>> name : removed.entrySet()) {
            for (String value : name.getValue()) {
                int at = find(next, zone, name.getKey(), value);
                if (at >= 0) {
                    next.remove(at);
                }
            }
        }
        save(next);
    }

    /** Every value recorded and not forgotten, oldest first: a snapshot. */
    public synchronized List<Entry> leftovers() {
        return List.copyOf(entries);
    }

    /** The leftovers of one zone grouped as record name to values, the shape a clean-up change needs. */
    public synchronized Map<String, List<String>> leftovers(HostedZoneId zone) {
        Map<String, List<String>> byName = new LinkedHashMap<>();
        for (Entry entry : entries) {
            if (entry.zone().equals(zone)) {
                byName.computeIfAbsent(entry.recordName(), name -> new ArrayList<>()).add(entry.value());
            }
        }
        return byName;
    }

    /** The local journal file; only for a local state directory. */
    public Path file() {
        if (store instanceof LocalJournalFile file) {
            return file.file();
        }
        throw new IllegalStateException("a shared journal has no local file: " + store.location());
    }

    /** The journal's file or {@code s3://} object, for messages. */
    public String location() {
        return store.location();
    }

    /** Releases the lock of a local journal; the entries stay for the next run. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        store.close();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("journal " + store.location() + " is closed");
        }
    }

    private static int find(List<Entry> list, HostedZoneId zone, String name, String value) {
        for (int i = 0; i < list.size(); i++) {
            Entry entry = list.get(i);
            if (entry.zone().equals(zone) && entry.recordName().equals(name) && entry.value().equals(value)) {
                return i;
            }
        }
        return -1;
    }

    /** Writes first and only then updates memory, so a failed write leaves both as they were. */
    private void save(List<Entry> next) throws IOException {
        if (next.equals(entries)) {
            return;
        }
        store.save(List.copyOf(entries), next);
        entries.clear();
        entries.addAll(next);
    }

    static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
