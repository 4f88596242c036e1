package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.renew.deliver.PemFiles;
import dev.policygen.sandbox.Sandbox;
import dev.policygen.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** policygen renew against real Pebble and the sandbox, delivering to files. */
class RenewFilesTest extends RenewBedTest {
    @Test
    void renewsIntoFilesThenSkipsUntilDue() throws Exception {
        Path state = dir.resolve("state");
        Path certs = dir.resolve("www");
        Path config = bed.config(dir.resolve("renew.yaml"), """
                  www:
                    domains: [www.example.test, "*.example.test"]
                    destinations:
                      - files: {dir: %s}
                """.formatted(certs));
        try (Sandbox sandbox = bed.sandbox(dir.resolve("sandbox"), b -> { })) {
            CliRun first = bed.renew(sandbox, config, state);
            assertEquals(0, first.exit(), first.all());
            assertTrue(first.out().contains("www          renewed"), first.all());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    certs.resolve("privkey.pem"))));
            assertTrue(Files.readString(certs.resolve("fullchain.pem")).contains("BEGIN CERTIFICATE"));

            CliRun second = bed.renew(sandbox, config, state);
            assertEquals(0, second.exit(), second.all());
            assertTrue(second.out().contains("skipped"), second.all());
        }
    }

    /**
     * A run killed between the renames of the four files (RenewFleetTest's SIGKILL can land there) leaves
     * the marker, or a cert.pem without fullchain.pem: the next run must not take cert.pem's dates for a
     * certificate in place, but replace the whole set.
     */
    @Test
    void aSetLeftHalfReplacedIsRenewedWhole() throws Exception {
        Path state = dir.resolve("state");
        Path certs = dir.resolve("www");
        Path config = bed.config(dir.resolve("renew.yaml"), """
                  www:
                    domains: [www.example.test]
                    destinations:
                      - files: {dir: %s}
                """.formatted(certs));
        try (Sandbox sandbox = bed.sandbox(dir.resolve("sandbox"), b -> { })) {
            assertEquals(0, bed.renew(sandbox, config, state).exit());
            String firstKey = Files.readString(certs.resolve("privkey.pem"));

            Files.writeString(certs.resolve(PemFiles.REPLACING), "left by a killed run\n");
            CliRun afterKill = bed.renew(sandbox, config, state);
            assertEquals(0, afterKill.exit(), afterKill.all());
            assertTrue(afterKill.out().contains("www          renewed"), afterKill.all());
            assertTrue(afterKill.all().contains("was interrupted (.policygen-replacing is still there)"),
                    afterKill.all());
            assertFalse(Files.exists(certs.resolve(PemFiles.REPLACING)));
            assertNotEquals(firstKey, Files.readString(certs.resolve("privkey.pem")));
            RenewChecks.assertDelivered(certs, bed.pebble, List.of("www.example.test"));

            Files.delete(certs.resolve("fullchain.pem"));
            CliRun missing = bed.renew(sandbox, config, state);
            assertEquals(0, missing.exit(), missing.all());
            assertTrue(missing.all().contains("has cert.pem but no fullchain.pem"), missing.all());
            RenewChecks.assertDelivered(certs, bed.pebble, List.of("www.example.test"));

            CliRun whole = bed.renew(sandbox, config, state);
            assertTrue(whole.out().contains("skipped"), whole.all());
        }
    }
}
