package dev.policygen.aws;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.io.InputFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Trust for the AWS clients' HTTPS: the JDK's CAs plus those of a PEM file. */
final class SdkTrust {
    private SdkTrust() {
    }

    static TrustManager[] withExtraCa(Path pemFile) throws InputException {
        byte[] pem = InputFiles.readBytes(pemFile, "the CA file");
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            // the JDK's own CAs first: the extra file adds to them, as AWS_CA_BUNDLE does for the AWS CLI
            TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            jdk.init((KeyStore) null);
            int i = 0;
            for (TrustManager manager : jdk.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    for (X509Certificate issuer : x509.getAcceptedIssuers()) {
                        store.setCertificateEntry("jdk-" + i++, issuer);
                    }
                }
            }
            int extra = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(
                    new ByteArrayInputStream(pem))) {
                store.setCertificateEntry("extra-" + extra++, certificate);
            }
            if (extra == 0) {
                throw new InputException(pemFile.toString(), SourcePosition.UNKNOWN, "no PEM certificate in the CA file");
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (CertificateException e) {
            // the JDK's text names its parser ("Could not parse certificate: java.io.IOException: ...")
            throw new InputException(pemFile.toString(), "cannot read the CA file: not PEM certificates", e);
        } catch (IOException | GeneralSecurityException e) {
            throw new InputException(pemFile.toString(), "cannot read the CA file: " + e.getMessage(), e);
        }
    }
}
