package dev.policygen.proof;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The renew proofs' common frame: one Pebble for all tests of a class, since starting Pebble takes
 * longer than most renewals, and a fresh directory for each test. Accounts are not shared: each config
 * the bed writes registers its own ({@link RenewBed#config}), so no test's order meets an
 * authorization another test validated.
 */
abstract class RenewBedTest {
    @TempDir
    static Path shared;
    static RenewBed bed;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPebble() throws Exception {
        bed = RenewBed.start(shared, Map.of());
    }

    @AfterAll
    static void stopPebble() throws Exception {
        bed.close();
    }
}
