package dev.policygen.renew.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.InputException;
import dev.policygen.json.JsonReader;
import dev.policygen.route53.HostedZoneId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    private static final Instant NOW = Instant.parse("2026-11-21T16:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final HostedZoneId ZONE = new HostedZoneId("Z1D633PJN98FT9");
    private static final HostedZoneId OTHER = new HostedZoneId("Z2OTHER");
    private static final String WWW = "_acme-challenge.www.example.com.";
    private static final String API = "_acme-challenge.api.example.com.";

    @TempDir
    Path dir;

    @Test
    void recordsForgetsAndReopens() throws Exception {
        Path state = dir.resolve("state");
        try (Journal journal = Journal.open(state, CLOCK)) {
            assertEquals(List.of(), journal.leftovers());
            journal.record("www", ZONE, Map.of(WWW, List.of("\"a\"", "\"b\"")));
            journal.record("api", OTHER, Map.of(API, List.of("\"c\"")));
            journal.forget(ZONE, Map.of(WWW, List.of("\"a\"", "\"never-recorded\"")));
            assertEquals(state.resolve("journal.json"), journal.file());
        }
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(state)));
        assertEquals("rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("journal.json"))));
        try (Journal again = Journal.open(state, CLOCK)) {
            assertEquals(List.of(new Journal.Entry(ZONE, WWW, "\"b\"", "www", NOW),
                    new Journal.Entry(OTHER, API, "\"c\"", "api", NOW)), again.leftovers());
            assertEquals(Map.of(WWW, List.of("\"b\"")), again.leftovers(ZONE));
            again.forget(ZONE, Map.of(WWW, List.of("\"b\"")));
            again.forget(OTHER, Map.of(API, List.of("\"c\"")));
            assertEquals(List.of(), again.leftovers());
        }
        try (Journal empty = Journal.open(state, CLOCK)) {
            assertEquals(List.of(), empty.leftovers());
        }
        // no temporary file is left behind
        try (var files = Files.list(state)) {
            assertEquals(List.of("journal.json", "journal.lock"), files.map(p -> p.getFileName().toString()).sorted()
                    .toList());
        }
    }

    @Test
    void forgetsOnlyInTheNamedZoneAndKeepsAValueOnce() throws Exception {
        try (Journal journal = Journal.open(dir, CLOCK)) {
            journal.record("www", ZONE, Map.of(WWW, List.of("\"a\"")));
            journal.record("www", ZONE, Map.of(WWW, List.of("\"a\"")));
            journal.forget(OTHER, Map.of(WWW, List.of("\"a\"")));
            assertEquals(1, journal.leftovers().size());
        }
    }

    @Test
    void aSecondOpenOfTheSameDirectoryFailsNamingTheLockFile() throws Exception {
        try (Journal first = Journal.open(dir, CLOCK)) {
            InputException e = assertThrows(InputException.class, () -> Journal.open(dir.resolve(".").resolve(""), CLOCK));
            assertEquals(dir.resolve("journal.lock") + ": another policygen run holds this lock; wait for it to "
                    + "finish or use another state directory", e.located());
            assertFalse(e.located().contains("\n"));
        }
        // released on close
        Journal.open(dir, CLOCK).close();
    }

    @Test
    void anotherProcessCannotOpenALockedJournal() throws Exception {
        try (Journal first = Journal.open(dir, CLOCK)) {
            assertEquals(dir.resolve("journal.lock") + ": another policygen run holds this lock; wait for it to "
                    + "finish or use another state directory", probe());
        }
        assertEquals("opened", probe());
    }

    private String probe() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                JournalLockProbe.class.getName(), dir.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).strip();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    @Test
    void aCorruptJournalIsReportedWithItsPosition() throws Exception {
        Files.writeString(dir.resolve("journal.json"), "{\n  \"version\": 1,\n  \"entries\": [\n    {\"zone\": \n");
        InputException e = assertThrows(InputException.class, () -> Journal.open(dir, CLOCK));
        assertTrue(e.located().startsWith(dir.resolve("journal.json") + ":5:1: invalid JSON"), e.located());
        assertFalse(e.located().contains("\n"), e.located());
        // the failed open released the lock
        Files.delete(dir.resolve("journal.json"));
        Journal.open(dir, CLOCK).close();
    }

    @Test
    void aJournalOfTheWrongShapeIsReportedWithThePositionOfTheBadValue() throws Exception {
        Files.writeString(dir.resolve("journal.json"), "{\"version\": 1, \"entries\": [\n"
                + "  {\"zone\": \"not-a-zone\", \"name\": \"n\", \"value\": \"v\", \"certificate\": \"c\","
                + " \"created\": \"2026-11-21T16:00:00Z\"}]}");
        InputException e = assertThrows(InputException.class, () -> Journal.open(dir, CLOCK));
        assertTrue(e.located().startsWith(dir.resolve("journal.json") + ":2:12: malformed hosted zone id"),
                e.located());
        Files.writeString(dir.resolve("journal.json"), "{\"version\": 2, \"entries\": []}");
        e = assertThrows(InputException.class, () -> Journal.open(dir, CLOCK));
        assertTrue(e.located().contains(":1:13: unsupported journal version"), e.located());
    }

    @Test
    void readersNeverSeeAHalfWrittenJournal() throws Exception {
        Path file = dir.resolve("journal.json");
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicInteger reads = new AtomicInteger();
        Thread reader = new Thread(() -> {
            while (writing.get() || reads.get() == 0) {
                try {
                    if (Files.exists(file)) {
                        JsonReader.read(Files.readString(file), file.toString());
                        reads.incrementAndGet();
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                    return;
                }
            }
        });
        reader.start();
        try (Journal journal = Journal.open(dir, CLOCK)) {
            for (int i = 0; i < 120; i++) {
                String big = "\"" + "x".repeat(500) + i + "\"";
                journal.record("www", ZONE, Map.of(WWW, List.of(big)));
                if (i % 2 == 1) {
                    journal.forget(ZONE, Map.of(WWW, List.of(big)));
                }
            }
            assertEquals(60, journal.leftovers().size());
        } finally {
            writing.set(false);
            reader.join();
        }
        if (failure.get() != null) {
            throw new AssertionError("a reader saw a broken journal", failure.get());
        }
        assertTrue(reads.get() > 0);
    }

    @Test
    void aStateDirectoryThatIsAFileIsAOneLineError() throws Exception {
        Path file = Files.writeString(dir.resolve("state"), "not a directory");
        InputException e = assertThrows(InputException.class, () -> Journal.open(file, CLOCK));
        assertTrue(e.located().startsWith(file + ": cannot create the state directory: "), e.located());
    }

    @Test
    void aLockFileThatCannotBeOpenedLeavesTheDirectoryFreeForTheNextTry() throws Exception {
        Files.createDirectory(dir.resolve("journal.lock"));
        InputException e = assertThrows(InputException.class, () -> Journal.open(dir, CLOCK));
        assertTrue(e.located().startsWith(dir.resolve("journal.lock") + ": cannot lock the state directory: "),
                e.located());
        Files.delete(dir.resolve("journal.lock"));
        Journal.open(dir, CLOCK).close();
    }

    @Test
    void aClosedJournalRefusesWrites() throws Exception {
        Journal journal = Journal.open(dir, CLOCK);
        journal.close();
        journal.close();
        assertThrows(IllegalStateException.class, () -> journal.record("www", ZONE, Map.of(WWW, List.of("\"a\""))));
    }
}
