package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

            // a second register never replaces the key: it finds the key's account and changes nothing
            String before = Files.readString(key);
            CliRun second = CliRun.of(agreed);
            assertEquals(0, second.exit(), second.err());
            assertEquals("the account key at " + key + " already has the account " + again + " at "
                    + pebble.directoryUrl() + "; nothing changed\n", second.out());
            assertEquals(before, Files.readString(key));
        }
    }

    /**
     * Issue 10 item 15: the key is stored before the account is created. A key that cannot be written
     * stops register before any account exists; an account request that fails after the key was
     * stored leaves the key, says so, and the next register with it creates (then finds) the account.
     */
    @Test
    void storesTheKeyBeforeTheAccountAndRecoversWithIt() throws Exception {
        try (PebbleServer pebble = PebbleServer.start(dir.resolve("pebble"), PebbleServer.freePort())) {
            String[] options = {"--directory", pebble.directoryUrl(), "--acme-ca", pebble.tlsCaFile().toString(),
                "--agree-tos"};

            // a name the file system refuses (too long) even as root: exit 3, and no account was made
            Path unwritable = dir.resolve("k".repeat(300) + ".pem");
            CliRun refused = CliRun.of(with(options, "register", "--email", "ops@example.com", "--account-key",
                    "file://" + unwritable));
            assertEquals(3, refused.exit(), refused.err());
            assertTrue(refused.err().contains("cannot write the account key"), refused.err());
            assertFalse(pebble.logText().contains("accounts in memory"), pebble.logText());

            // the account request fails after the key is stored (acme4j refuses the contact URI it would send)
            Path key = dir.resolve("account.pem");
            CliRun failed = CliRun.of(with(options, "register", "--email", "ops{x}@example.com", "--account-key",
                    "file://" + key));
            assertEquals(4, failed.exit(), failed.err());
            assertTrue(failed.err().endsWith("; the account key stays at " + key + ": run this register again to "
                    + "create the account with it\n"), failed.err());
            String stored = Files.readString(key);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));

            CliRun recovered = CliRun.of(with(options, "register", "--email", "ops@example.com", "--account-key",
                    "file://" + key));
            assertEquals(0, recovered.exit(), recovered.err());
            assertTrue(recovered.out().startsWith("registered https://127.0.0.1:"), recovered.out());
            assertTrue(recovered.out().endsWith("with the account key already at " + key + "\n"), recovered.out());
            assertEquals(stored, Files.readString(key));
            URL account = AcmeAccounts.at(URI.create(pebble.directoryUrl()), Optional.of(pebble.tlsCaFile()))
                    .existing(AccountKeyFile.read(key)).orElseThrow();
            assertTrue(recovered.out().contains("registered " + account + " "), recovered.out());
            // Pebble does log the accounts it makes: the first check above is not vacuous
            assertTrue(pebble.logText().contains("accounts in memory"), pebble.logText());
        }
    }

    private static String[] with(String[] options, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + options.length);
        System.arraycopy(options, 0, all, args.length, options.length);
        return all;
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
