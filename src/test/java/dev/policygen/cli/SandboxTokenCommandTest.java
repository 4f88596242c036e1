package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.sandbox.sts.OidcIssuer;
import dev.policygen.sandbox.sts.TokenRejected;
import dev.policygen.sandbox.sts.WebIdentityClaims;
import dev.policygen.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code policygen sandbox token} writes a token that the issuer of the same state directory verifies
 * (what a sandbox run with that --state-dir does in AssumeRoleWithWebIdentity), and refuses bad values
 * with one line and exit 2 or 3.
 */
class SandboxTokenCommandTest {
    @TempDir
    Path directory;

    @Test
    void writesATokenTheSandboxOfTheSameStateDirectoryAccepts() throws Exception {
        Path state = directory.resolve("state");
        Path token = directory.resolve("token");
        CliRun run = CliRun.of("sandbox", "token", "--state-dir", state.toString(), "--sub",
                "system:serviceaccount:acme:lego", "--lifetime", "600", "-o", token.toString());
        assertEquals(0, run.exit(), run.all());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(token)));
        OidcIssuer issuer = OidcIssuer.inDirectory(state, OidcIssuer.DEFAULT_HOST, List.of("sts.amazonaws.com"));
        WebIdentityClaims claims = issuer.verify(Files.readString(token), Instant.now());
        assertEquals("system:serviceaccount:acme:lego", claims.subject());
        assertEquals("https://" + OidcIssuer.DEFAULT_HOST, claims.issuer());
        assertTrue(claims.expiration().isBefore(Instant.now().plusSeconds(601)));
        TokenRejected late = assertThrows(TokenRejected.class, () -> issuer.verify(Files.readString(token),
                Instant.now().plusSeconds(700)));
        assertEquals("ExpiredTokenException", late.code());
        OidcIssuer otherKey = OidcIssuer.inDirectory(Files.createDirectory(directory.resolve("other")),
                OidcIssuer.DEFAULT_HOST, List.of("sts.amazonaws.com"));
        assertEquals("InvalidIdentityToken", assertThrows(TokenRejected.class,
                () -> otherKey.verify(Files.readString(token), Instant.now())).code());
    }

    @Test
    void badValuesAreOneLineUsageErrors() {
        CliRun lifetime = CliRun.of("sandbox", "token", "--state-dir", directory.toString(), "--sub", "s", "--lifetime",
                "0", "-o", directory.resolve("t").toString());
        assertEquals(2, lifetime.exit(), lifetime.all());
        assertEquals(List.of("policygen: error: --lifetime 0: a token must be valid for at least 1 second"), lifetime.err().lines().toList());
        CliRun issuer = CliRun.of("sandbox", "token", "--state-dir", directory.toString(), "--sub", "s", "--issuer",
                "https://example.com", "-o", directory.resolve("t").toString());
        assertEquals(2, issuer.exit(), issuer.all());
        CliRun output = CliRun.of("sandbox", "token", "--state-dir", directory.toString(), "--sub", "s", "-o",
                directory.resolve("missing/t").toString());
        assertEquals(3, output.exit(), output.all());
        assertEquals(1, output.err().lines().count(), output.all());
    }
}
