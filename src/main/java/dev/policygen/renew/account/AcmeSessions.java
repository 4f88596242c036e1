package dev.policygen.renew.account;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.io.InputFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.connector.NetworkSettings;
import org.shredzone.acme4j.provider.GenericAcmeProvider;

/**
 * What register and renew share about talking to an ACME server: the acme4j session (with a private
 * CA trusted when one is given) and one-line failure messages.
 */
public final class AcmeSessions {
    private AcmeSessions() {
    }

    /**
     * A session with the directory at {@code directory}. {@code caFile}, when given, is the only CA
     * trusted for the server's HTTPS, for private ACME servers (and Pebble in tests).
     */
    public static Session open(URI directory, Optional<Path> caFile) throws InputException {
        if (caFile.isEmpty()) {
            return new Session(directory);
        }
        SSLContext trust = trusting(caFile.get());
        // a generic provider that builds its HTTP client with our trust; everything else is acme4j's
        GenericAcmeProvider provider = new GenericAcmeProvider() {
            @Override
            public HttpClient createHttpClient(NetworkSettings settings) {
                HttpClient.Builder builder = HttpClient.newBuilder()
                        .connectTimeout(settings.getTimeout())
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .sslContext(trust);
                if (settings.getProxySelector() != null) {
                    builder.proxy(settings.getProxySelector());
                }
                return builder.build();
            }
        };
        return new Session(directory, provider);
    }

    /** acme4j's network errors say only "Network error"; the cause says which (refused, timeout, TLS). */
    public static AcmeFailure failure(String what, Exception e) {
        if (untrustedCertificate(e)) {
            // the JDK's words ("PKIX path building failed: sun.security...") say neither what failed nor the fix
            return new AcmeFailure(what + ": the ACME server's TLS certificate is not signed by a trusted CA; for a "
                    + "private ACME server (such as Pebble) pass its CA certificate with --acme-ca FILE", e);
        }
        StringBuilder message = new StringBuilder(what).append(": ").append(e.getMessage());
        Throwable cause = e.getCause();
        if (cause != null && !String.valueOf(cause.getMessage()).equals(e.getMessage())) {
            message.append(" (").append(cause.getClass().getSimpleName());
            // the JDK's HTTP client often throws without a message and keeps it one level down
            Throwable described = cause;
            while (described.getMessage() == null && described.getCause() != null) {
                described = described.getCause();
            }
            if (described.getMessage() != null) {
                message.append(": ").append(described.getMessage());
            }
            message.append(')');
        }
        return new AcmeFailure(message.toString(), e);
    }

    /** Whether the TLS handshake failed because no trusted CA signed the server's certificate. */
    static boolean untrustedCertificate(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CertPathBuilderException || cause instanceof CertPathValidatorException
                    || String.valueOf(cause.getMessage()).contains("PKIX path")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** TLS that trusts only {@code caFile}'s certificates, not the JDK's (--acme-ca, --notify-ca). */
    public static SSLContext trusting(Path caFile) throws InputException {
        byte[] pem = InputFiles.readBytes(caFile, "the CA file");
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(
                    new ByteArrayInputStream(pem))) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            if (i == 0) {
                throw new InputException(caFile.toString(), SourcePosition.UNKNOWN, "no PEM certificate in the CA file");
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (CertificateException e) {
            // the JDK's text names its parser ("Could not parse certificate: java.io.IOException: ...")
            throw new InputException(caFile.toString(), "cannot read the CA file: not PEM certificates", e);
        } catch (IOException | GeneralSecurityException e) {
            throw new InputException(caFile.toString(), "cannot read the CA file: " + e.getMessage(), e);
        }
    }
}
