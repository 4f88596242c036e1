package dev.policygen.renew.state;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.io.AtomicFile;
import dev.policygen.io.Directories;
import dev.policygen.io.FileMode;
import dev.policygen.io.LocalPaths;
import dev.policygen.renew.state.Journal.Entry;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code journal.json} of a local state directory, one run at a time: {@link #open} takes an
 * exclusive lock on {@code journal.lock}, held until {@link #close}. The lock file is never deleted,
 * since deleting it would let a third run lock a new file while a second still waits on the old one.
 */
final class LocalJournalFile implements JournalStore {
    /** The OS lock does not stop a second open in this JVM (FileChannel locks are per process). */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final Path heldKey;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private LocalJournalFile(Path file, Path heldKey, FileChannel lockChannel, FileLock lock) {
        this.file = file;
        this.heldKey = heldKey;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Creates {@code stateDir} (mode 0700) if needed and locks it against other runs. */
    static LocalJournalFile open(Path stateDir) throws InputException {
        Path dir = stateDir.toAbsolutePath().normalize();
        Path lockFile = dir.resolve(Journal.LOCK);
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
            LocalJournalFile store = new LocalJournalFile(dir.resolve(Journal.FILE), key, channel, lock);
            opened = true;
            return store;
        } catch (IOException e) {
            throw new InputException(lockFile.toString(), "cannot lock the state directory: " + Journal.describe(e), e);
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

    Path file() {
        return file;
    }

    @Override
    public List<Entry> load() throws InputException {
        return JournalCodec.read(file);
    }

    @Override
    public void save(List<Entry> before, List<Entry> after) throws IOException {
        AtomicFile.replace(file, JournalCodec.render(after).getBytes(StandardCharsets.UTF_8), FileMode.OWNER_ONLY);
    }

    @Override
    public String location() {
        return file.toString();
    }

    @Override
    public void close() throws IOException {
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
}
