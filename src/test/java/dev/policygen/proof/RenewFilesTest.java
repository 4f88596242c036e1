package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.sandbox.Sandbox;
import dev.policygen.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
}
