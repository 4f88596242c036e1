package dev.policygen.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS that trusts only the certificates of one PEM file (a test CA: the sandbox's, Pebble's), as
 * AWS_CA_BUNDLE or a client's --ca option makes a real client do; the system's CAs are not trusted.
 */
public final class TlsTrust {
    private TlsTrust() {
    }

    /** Trust managers for every certificate in the PEM file. */
    public static TrustManager[] trustManagers(Path pem) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            int index = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + index++, certificate);
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    /** A TLS context, e.g. for java.net.http.HttpClient, with those trust managers. */
    public static SSLContext sslContext(Path pem) throws GeneralSecurityException, IOException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers(pem), null);
        return context;
    }
}
