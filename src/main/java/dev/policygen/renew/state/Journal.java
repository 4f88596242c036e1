package dev.policygen.renew.state;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.io.AtomicFile;
import dev.policygen.io.Directories;
import dev.policygen.io.FileMode;
import dev.policygen.io.LocalPaths;
import dev.policygen.route53.HostedZoneId;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The TXT values this renewer put in Route 53 and has not removed yet, in {@code journal.json} of
 * the state directory. Values are recorded (and on disk) before the change that creates them is
 * sent, and forgotten only after the change that removes them succeeded, so after a crash the next
 * run or {@code policygen cleanup} removes exactly these values and never another client's.
 *
 * <p>One run at a time: {@link #open} takes an exclusive lock on {@code journal.lock}, held until
 * {@link #close}. The lock file is never deleted, since deleting it would let a third run lock a
 * new file while a second still waits on the old one.
 */
public final class Journal implements AutoCloseable {
    public static final String FILE = "journal.json";
    public static final String LOCK = "journal.lock";
    /** The OS lock does not stop a second open in this JVM (FileChannel locks are per process). */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    /** One TXT value we created: {@code value} exactly as sent to Route 53, quotes included. */
    public record Entry(HostedZoneId zone, String recordName, String value, String certificate, Instant created) {
    }

    private final Path file;
    private final Path heldKey;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Clock clock;
    private final List<Entry> entries;
    private boolean closed;

    private Journal(Path file, Path heldKey, FileChannel lockChannel, FileLock lock, Clock clock, List<Entry> entries) {
        this.file = file;
        this.heldKey = heldKey;
        this.lockChannel = lockChannel;
        this.lock = lock;
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
        Path dir = stateDir.toAbsolutePath().normalize();
        Path lockFile = dir.resolve(LOCK);
        Path key;
        try {
            if (!Files.isDirectory(dir)) {
                Directories.createPrivate(dir);
            }
            key = dir.toRealPath();
        } catch (IOException e) {
            throw new InputException(dir.toString(), "cannot create the state directory: " + LocalPaths.reason(dir, e), e);
        }
        if (!HELD.add(key)) {
            throw locked(lockFile);
        }
        FileChannel channel = null;
        boolean opened = false;
        try {
            channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    FileMode.OWNER_ONLY.attributes());
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw locked(lockFile);
            }
            Path file = dir.resolve(FILE);
            Journal journal = new Journal(file, key, channel, lock, clock, JournalCodec.read(file));
            opened = true;
            return journal;
        } catch (IOException e) {
            throw new InputException(lockFile.toString(), "cannot lock the state directory: " + describe(e), e);
        } finally {
            if (!opened) {
                HELD.remove(key);
                closeQuietly(channel);
            }
        }
    }

    /** Closing the channel also releases its OS lock. */
    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the open failed already; closing is best effort
            }
        }
    }

    private static InputException locked(Path lockFile) {
        return new InputException(lockFile.toString(), SourcePosition.UNKNOWN,
                "another policygen run holds this lock; wait for it to finish or use another state directory");
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

    public Path file() {
        return file;
    }

    /** Releases the lock; the journal stays on disk for the next run. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            lock.release();
        } finally {
            try {
                lockChannel.close();
            } finally {
                HELD.remove(heldKey);
            }
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("journal " + file + " is closed");
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
        AtomicFile.replace(file, JournalCodec.render(next).getBytes(StandardCharsets.UTF_8), FileMode.OWNER_ONLY);
        entries.clear();
        entries.addAll(next);
    }

    static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
