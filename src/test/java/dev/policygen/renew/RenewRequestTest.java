package dev.policygen.renew;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.renew.config.RenewConfig;
import dev.policygen.renew.config.StateLocation;
import dev.policygen.renew.report.RenewLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The defaults a request resolves from the config when the command line leaves them out. */
class RenewRequestTest {
    private static RenewRequest request(Optional<Path> stateDir, Optional<String> account) {
        return new RenewRequest(Optional.empty(), stateDir.map(StateLocation.LocalDirectory::new), List.of(), RenewLog.Format.TEXT, 5,
                Optional.empty(), account, Optional.empty(), PassOptions.cleanupOnly(), Optional.empty(),
                Optional.empty());
    }

    @Test
    void theAccountIsTheGivenOneElseTheConfigsArns() throws Exception {
        RenewConfig config = EngineFakes.ownConfig();
        assertEquals(EngineFakes.ACCOUNT, request(Optional.empty(), Optional.empty()).account(config));
        assertEquals("210987654321", request(Optional.empty(), Optional.of("210987654321")).account(config));
    }

    @Test
    void theStateDirectoryIsTheGivenOneElseTheConfigs() throws Exception {
        RenewConfig config = EngineFakes.ownConfig();
        assertEquals(new StateLocation.LocalDirectory(Path.of("/var/lib/policygen")),
                request(Optional.empty(), Optional.empty()).stateDir(config));
        assertEquals(new StateLocation.LocalDirectory(Path.of("/tmp/state")),
                request(Optional.of(Path.of("/tmp/state")), Optional.empty()).stateDir(config));
    }

    @Test
    void aRequestWithAnIntervalRepeats() {
        RenewRequest once = request(Optional.empty(), Optional.empty());
        assertFalse(once.repeats());
        RenewRequest service = new RenewRequest(Optional.empty(), Optional.empty(), List.of(),
                RenewLog.Format.JSON, 5, Optional.empty(), Optional.empty(), Optional.empty(),
                PassOptions.cleanupOnly(), Optional.empty(), Optional.of(Duration.ofHours(12)));
        assertTrue(service.repeats());
    }

    @Test
    void aRateOutsideRoute53sRangeIsADefect() {
        assertThrows(IllegalArgumentException.class, () -> new RenewRequest(Optional.empty(), Optional.empty(),
                List.of(), RenewLog.Format.TEXT, 0, Optional.empty(), Optional.empty(), Optional.empty(),
                PassOptions.cleanupOnly(), Optional.empty(), Optional.empty()));
    }
}
