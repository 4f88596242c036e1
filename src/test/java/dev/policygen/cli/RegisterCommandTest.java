package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.aws.CannedAwsServer;
import dev.policygen.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** register's refusals, none of which may reach an ACME server or write a file. */
class RegisterCommandTest {
    @TempDir
    Path dir;

    /** What every run of the test printed to stderr, in order. */
    private final StringBuilder err = new StringBuilder();

    private int run(String... args) {
        CliRun run = CliRun.of(args);
        err.append(run.err());
        return run.exit();
    }

    @Test
    void anExistingFileThatIsNoKeyIsRefusedAndKept() throws Exception {
        Path key = dir.resolve("account.pem");
        Files.writeString(key, "the real account key");
        // the directory is unreachable: the refusal must come before any request
        int code = run("register", "--email", "ops@example.com", "--account-key", "file://" + key,
                "--directory", "https://127.0.0.1:1/dir", "--agree-tos");
        assertEquals(ExitCode.BAD_INPUT, code);
        assertEquals("policygen: error: " + key + ": not a PEM private key (expected a PRIVATE KEY, RSA PRIVATE KEY "
                + "or EC PRIVATE KEY block)\n", err.toString());
        assertEquals("the real account key", Files.readString(key));
    }

    @Test
    void anUnreachableServerIsAnAcmeFailureAndWritesNothing() {
        Path key = dir.resolve("account.pem");
        int code = run("register", "--email", "ops@example.com", "--account-key", "file://" + key,
                "--directory", "https://127.0.0.1:1/dir", "--agree-tos");
        assertEquals(ExitCode.REMOTE, code);
        assertTrue(err.toString().startsWith("policygen: error: cannot read the ACME directory "
                + "https://127.0.0.1:1/dir: Network error (ConnectException"), err.toString());
        assertTrue(Files.notExists(key));
    }

    @Test
    void anExistingS3ObjectThatIsNoKeyIsRefusedBeforeAnyAcmeRequest() throws Exception {
        try (CannedAwsServer s3 = new CannedAwsServer()) {
            s3.bytes(200, "the real account key".getBytes(StandardCharsets.US_ASCII));
            int code = run("register", "--email", "ops@example.com", "--account-key", "s3://keys-bucket/acme/account.pem",
                    "--aws-endpoint", s3.endpoint().toString(), "--directory", "https://127.0.0.1:1/dir", "--agree-tos");
            assertEquals(ExitCode.BAD_INPUT, code, err.toString());
            assertEquals("policygen: error: s3://keys-bucket/acme/account.pem: not a PEM private key (expected a "
                    + "PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY block)\n", err.toString());
            CannedAwsServer.Request request = s3.single();
            assertEquals("GET", request.method());
            assertEquals("/keys-bucket/acme/account.pem", request.path());
        }
    }

    @Test
    void s3FailuresAreRemoteFailuresInOneLine() throws Exception {
        try (CannedAwsServer s3 = new CannedAwsServer()) {
            s3.xml(403, "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>");
            int code = run("register", "--email", "ops@example.com", "--account-key", "s3://keys-bucket/account.pem",
                    "--aws-endpoint", s3.endpoint().toString(), "--directory", "https://127.0.0.1:1/dir");
            assertEquals(ExitCode.REMOTE, code);
            assertEquals("policygen: error: S3 GetObject on s3://keys-bucket/account.pem: AccessDenied: Access Denied\n",
                    err.toString());
        }
    }

    @Test
    void aBadAwsEndpointIsAUsageError() {
        int code = run("register", "--email", "ops@example.com", "--account-key", "s3://keys-bucket/account.pem",
                "--aws-endpoint", "localhost:4566");
        assertEquals(ExitCode.USAGE, code);
        assertEquals("policygen: error: --aws-endpoint takes an http:// or https:// URL, not \"localhost:4566\"\n",
                err.toString());
    }

    @Test
    void rejectsBadValuesBeforeAnyRequest() {
        String key = "file://" + dir.resolve("k.pem");
        assertEquals(ExitCode.USAGE, run("register", "--email", "a@example.com", "--account-key", key,
                "--key-type", "dsa"));
        assertTrue(err.toString().contains("unknown --key-type \"dsa\"; use ec-p256, ec-p384, rsa-2048, rsa-3072,"
                + " rsa-4096"), err.toString());
        assertEquals(ExitCode.USAGE, run("register", "--email", "a@example.com", "--account-key", key,
                "--directory", "ftp://acme.example"));
        assertEquals(ExitCode.USAGE, run("register", "--email", "a@example.com", "--account-key", "/k.pem"));
        assertEquals(ExitCode.USAGE, run("register", "--email", "a@example.com", "--account-key", key,
                "--directory", "http://acme.example/directory"));
        assertEquals(ExitCode.USAGE, run("register", "--email", "ops at example.com", "--account-key", key));
        assertTrue(err.toString().contains("--email takes one address such as ops@example.com, not \"ops at "
                + "example.com\""), err.toString());
        assertEquals(ExitCode.BAD_INPUT, run("register", "--email", "a@example.com", "--account-key",
                "file://" + dir.resolve("missing/k.pem"), "--directory", "https://127.0.0.1:1/dir"));
        assertTrue(err.toString().endsWith("the directory of the account key does not exist\n"), err.toString());
        assertTrue(Files.notExists(dir.resolve("k.pem")));
    }
}
