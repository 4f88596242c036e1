package dev.policygen.renew;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.InputException;
import dev.policygen.PolicygenException;
import dev.policygen.renew.account.AccountKeyFile;
import dev.policygen.renew.config.KeyType;
import dev.policygen.testing.RefusedPort;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ACME login started before zone discovery: its failures surface when the run takes the client. */
class EarlyAcmeLoginTest {
    @TempDir
    Path dir;

    @Test
    void aMissingAccountKeyIsReportedWhenTheClientIsTaken() throws Exception {
        Path key = dir.resolve("missing.pem");
        try (EarlyAcmeLogin login = EarlyAcmeLogin.start(key, URI.create("https://127.0.0.1:1/dir"), Optional.empty(),
                Clock.systemUTC())) {
            InputException e = assertThrows(InputException.class, login::client);
            assertTrue(e.getMessage().contains("cannot read the account key"), e.getMessage());
        }
    }

    @Test
    void anUnreachableCaIsTheLoginsOwnFailure() throws Exception {
        Path key = dir.resolve("account.pem");
        AccountKeyFile.write(key, AccountKeyFile.generate(KeyType.DEFAULT));
        try (RefusedPort closed = RefusedPort.bind(); EarlyAcmeLogin login = EarlyAcmeLogin.start(key,
                URI.create("https://127.0.0.1:" + closed.port() + "/dir"), Optional.empty(), Clock.systemUTC())) {
            PolicygenException e = assertThrows(PolicygenException.class, login::client);
            assertTrue(e.getMessage().contains("127.0.0.1:" + closed.port()), e.getMessage());
        }
    }
}
