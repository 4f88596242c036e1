package dev.policygen.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's readers (the DNS server answering a CA) never wait for the state file: a CI run on a busy
 * machine had Pebble's DNS query time out while a change's state file was being synced to disk under the
 * lock the DNS server needed.
 */
class RecordStoreTest {
    private static final String ZONE = "Z0EXAMPLETEST";

    @TempDir
    Path dir;

    @Test
    // a store writing its file under the readers' lock would deadlock here: fail, not hang
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aChangeIsReadableWhileItsStateFileIsStillBeingWrittenAndIsSavedBeforeItIsAcknowledged() throws Exception {
        Path file = dir.resolve("state.json");
        RecordStore store = new RecordStore(new StateFile(file), 1);
        store.addZone("example.test", ZONE);
        RecordSet txt = new RecordSet("_acme-challenge.example.test", "TXT", null, null, null, 60,
                List.of("\"token\""));
        CompletableFuture<ChangeInfo> applied;
        synchronized (store.fileLock()) {
            // the disk is "slow": the file cannot be written while this test holds its lock
            applied = CompletableFuture.supplyAsync(() -> {
                try {
                    return store.apply(ZONE, List.of(new RequestedChange("CREATE", txt)), "c", Instant.EPOCH,
                            Duration.ZERO);
                } catch (Route53Error e) {
                    throw new IllegalStateException(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!store.sets(ZONE).contains(txt) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            // a reader got the new set while the write was held up, so it never waited for the disk
            assertTrue(store.sets(ZONE).contains(txt), store.sets(ZONE).toString());
            assertFalse(applied.isDone(), "acknowledged before its state was saved");
        }
        ChangeInfo change = applied.get(30, TimeUnit.SECONDS);
        String saved = Files.readString(file);
        assertTrue(saved.contains("_acme-challenge.example.test"), saved);
        assertTrue(saved.contains(change.id()), saved);
        assertEquals(3, store.setCount(ZONE));
    }
}
