package dev.policygen.renew;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.renew.config.RenewConfig;
import dev.policygen.renew.config.StateLocation;
import dev.policygen.renew.report.RenewLog;
import dev.policygen.testing.FakeClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two steps of opening a pass's state: what each kind opens when, and what the policy is made from. */
class PassStateTest {
    private final FakeClock clock = new FakeClock();

    @Test
    void aLocalDirectoryIsOpenBeforeAwsAndTheSecondStepNeedsNoAws(@TempDir Path directory) throws Exception {
        RenewConfig config = EngineFakes.ownConfig();
        List<AutoCloseable> opened = new ArrayList<>();
        Path stateDir = directory.resolve("state");
        PassState.Opening opening = PassState.lockLocal(new StateLocation.LocalDirectory(stateDir), clock, opened);
        assertEquals(1, opened.size(), "the journal is locked in the first step");
        assertTrue(Files.isDirectory(stateDir));
        assertSame(config, opening.granting(config), "a local directory needs no grant");
        // no guarded calls: a local directory must not reach for them
        PassState passState = opening.open(null, Duration.ofMinutes(5), clock, duration -> { }, log(), opened);
        assertEquals(Optional.empty(), passState.leases());
        assertSame(opened.get(0), passState.journal());
        assertEquals(1, opened.size());
        opened.get(0).close();
    }

    @Test
    void anS3PrefixOpensNothingBeforeAwsAndIsGrantedToThePolicy() throws Exception {
        RenewConfig config = EngineFakes.ownConfig();
        List<AutoCloseable> opened = new ArrayList<>();
        StateLocation.S3Prefix prefix = new StateLocation.S3Prefix("renew-state", "fleet");
        PassState.Opening opening = PassState.lockLocal(prefix, clock, opened);
        assertEquals(List.of(), opened, "S3 state is opened through the guarded calls, later");
        assertEquals(Optional.of(prefix), opening.granting(config).stateDir());
    }

    private static RenewLog log() {
        return new RenewLog(new PrintWriter(new StringWriter()), RenewLog.Format.TEXT, new FakeClock());
    }
}
