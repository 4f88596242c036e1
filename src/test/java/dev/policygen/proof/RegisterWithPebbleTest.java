package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.aws.CannedAwsServer;
import dev.policygen.renew.account.AccountKeyFile;
import dev.policygen.renew.account.AcmeAccounts;
import dev.policygen.testing.CliRun;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** policygen register against a real Pebble: the account exists, and the stored key is its key. */
class RegisterWithPebbleTest {
    @TempDir
    Path dir;

    @Test
    void registersAnAccountAndStoresItsKey() throws Exception {
        try (PebbleServer pebble = PebbleServer.start(dir.resolve("pebble"), PebbleServer.freePort())) {
            Path key = dir.resolve("account.pem");
            String[] register = {"register", "--email", "ops@example.com", "--account-key", "file://" + key,
                "--directory", pebble.directoryUrl(), "--acme-ca", pebble.tlsCaFile().toString()};

            // Pebble publishes terms of service, so agreeing is required
            CliRun refused = CliRun.of(register);
            assertEquals(2, refused.exit());
            assertTrue(refused.err().contains("add --agree-tos"), refused.err());
            assertTrue(Files.notExists(key));

            String[] agreed = java.util.Arrays.copyOf(register, register.length + 1);
            agreed[register.length] = "--agree-tos";
            CliRun registered = CliRun.of(agreed);
            assertEquals(0, registered.exit(), registered.err());
            assertTrue(registered.out().startsWith("registered https://127.0.0.1:"), registered.out());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));

            // the stored key logs in to the same account: a new-account request with it finds that account
            URL again = AcmeAccounts.at(URI.create(pebble.directoryUrl()), Optional.of(pebble.tlsCaFile()))
                    .register(AccountKeyFile.read(key), "ops@example.com", true);
            assertTrue(registered.out().contains("registered " + again + " "), registered.out() + " vs " + again);

            // a second register never replaces the key
            String before = Files.readString(key);
            assertEquals(3, CliRun.of(agreed).exit());
            assertEquals(before, Files.readString(key));
        }
    }

    @Test
    void storesTheKeyOfANewAccountInS3() throws Exception {
        try (PebbleServer pebble = PebbleServer.start(dir.resolve("pebble"), PebbleServer.freePort());
                CannedAwsServer s3 = new CannedAwsServer()) {
            s3.xml(404, "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>");
            s3.bytes(200, new byte[0]);
            String[] register = {"register", "--email", "ops@example.com", "--account-key",
                "s3://keys-bucket/acme/account.pem", "--aws-endpoint", s3.endpoint().toString(), "--directory",
                pebble.directoryUrl(), "--acme-ca", pebble.tlsCaFile().toString(), "--agree-tos"};
            CliRun registered = CliRun.of(register);
            assertEquals(0, registered.exit(), registered.err());
            assertTrue(registered.out().endsWith("written to s3://keys-bucket/acme/account.pem\n"), registered.out());

            assertEquals(2, s3.requests().size());
            CannedAwsServer.Request put = s3.requests().get(1);
            assertEquals("PUT", put.method());
            assertEquals(Optional.of("*"), put.header("If-None-Match"));
            // the stored key logs in to the same account
            Path stored = dir.resolve("stored.pem");
            Files.write(stored, put.body());
            URL again = AcmeAccounts.at(URI.create(pebble.directoryUrl()), Optional.of(pebble.tlsCaFile()))
                    .register(AccountKeyFile.read(stored), "ops@example.com", true);
            assertTrue(registered.out().contains("registered " + again + " "), registered.out() + " vs " + again);
        }
    }
}
