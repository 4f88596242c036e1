package dev.policygen.sandbox;

import dev.policygen.OutputException;
import dev.policygen.UsageException;
import dev.policygen.io.AtomicFile;
import dev.policygen.io.FileMode;
import dev.policygen.io.LocalPaths;
import dev.policygen.sandbox.sts.OidcIssuer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code policygen sandbox token}: a web-identity token from the sandbox's OIDC issuer written to a
 * file, as EKS projects a service account's token into a pod ({@code AWS_WEB_IDENTITY_TOKEN_FILE}).
 * The signing key is the one in the state directory a sandbox run with the same {@code --state-dir}
 * verifies with (created here if it is not there yet).
 */
public final class WebIdentityTokenFile {
    private WebIdentityTokenFile() {
    }

    /**
     * Writes the token (owner-only: whoever reads it can assume the roles it is trusted for).
     *
     * @throws UsageException for an empty subject or audience or a lifetime that is not positive
     * @throws OutputException when the state directory or the output file cannot be used
     */
    public static void write(Path stateDir, String issuerHost, String subject, String audience, Duration lifetime,
            Instant now, Path output) throws UsageException, OutputException {
        if (subject.isEmpty()) {
            throw new UsageException(subject, "--sub cannot be empty");
        }
        if (audience.isEmpty()) {
            throw new UsageException(audience, "--aud cannot be empty");
        }
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new UsageException(Long.toString(lifetime.getSeconds()), "--lifetime " + lifetime.getSeconds()
                    + ": a token must be valid for at least 1 second");
        }
        try {
            // the same check the config's "oidc" issuer gets
            OidcIssuer.checkHost(issuerHost);
        } catch (IllegalArgumentException e) {
            throw new UsageException(issuerHost, "--issuer: " + e.getMessage());
        }
        LocalPaths.createDirectories("the state directory", stateDir);
        OidcIssuer issuer;
        try {
            issuer = OidcIssuer.inDirectory(stateDir, issuerHost, OidcIssuer.DEFAULT_AUDIENCES);
        } catch (GeneralSecurityException e) {
            throw LocalPaths.unusable("the state directory", stateDir, new IOException(e.getMessage(), e));
        } catch (IOException e) {
            throw LocalPaths.unusable("the state directory", stateDir, e);
        }
        String token = issuer.token(subject, audience, now, lifetime);
        try {
            AtomicFile.replace(output, token.getBytes(StandardCharsets.US_ASCII), FileMode.OWNER_ONLY);
        } catch (IOException e) {
            throw LocalPaths.unusable("the token file", output, e);
        }
    }
}
