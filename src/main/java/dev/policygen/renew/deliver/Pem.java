package dev.policygen.renew.deliver;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** X.509 certificates from PEM text, as files and AWS services hand them back. */
public final class Pem {
    private Pem() {
    }

    /** Every certificate in {@code pem}, in order; empty for blank text. */
    public static List<X509Certificate> certificates(String pem) throws CertificateException {
        List<X509Certificate> certificates = new ArrayList<>();
        if (pem == null || pem.isBlank()) {
            return certificates;
        }
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        for (java.security.cert.Certificate certificate
                : factory.generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
            certificates.add((X509Certificate) certificate);
        }
        return certificates;
    }

    /** The first (leaf) certificate of {@code pem}. */
    public static X509Certificate leaf(String pem) throws CertificateException {
        List<X509Certificate> all = certificates(pem);
        if (all.isEmpty()) {
            throw new CertificateException("no certificate in the PEM text");
        }
        return all.get(0);
    }
}
