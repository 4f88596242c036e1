package dev.policygen.renew;

import dev.policygen.renew.acme.IssuedCertificate;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Throwaway self-signed certificates with chosen names and validity, made with Bouncy Castle. */
public final class TestCertificates {
    private static final AtomicLong SERIAL = new AtomicLong(1000);
    private static KeyPair keys;

    private TestCertificates() {
    }

    private static synchronized KeyPair keys() throws Exception {
        if (keys == null) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keys = generator.generateKeyPair();
        }
        return keys;
    }

    /** A certificate for {@code names} (DNS SANs, the first also the CN) valid from notBefore to notAfter. */
    public static X509Certificate certificate(Instant notBefore, Instant notAfter, String... names) throws Exception {
        GeneralName[] sans = new GeneralName[names.length];
        for (int i = 0; i < names.length; i++) {
            sans[i] = new GeneralName(GeneralName.dNSName, names[i]);
        }
        X500Name subject = new X500Name("CN=" + (names.length == 0 ? "nobody" : names[0]));
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(subject,
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), subject,
                keys().getPublic())
                .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys().getPrivate())));
    }

    public static String pem(X509Certificate certificate) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(certificate);
        }
        return text.toString();
    }

    /** An issued certificate as the ACME client hands it over; the "key" is a marker, never a real key. */
    public static IssuedCertificate issued(Instant notBefore, Instant notAfter, String... names) throws Exception {
        X509Certificate leaf = certificate(notBefore, notAfter, names);
        X509Certificate issuer = certificate(notBefore, notAfter, "issuer.test");
        return new IssuedCertificate(List.of(leaf, issuer), pem(leaf), pem(issuer), pem(leaf) + pem(issuer),
                "-----BEGIN PRIVATE KEY-----\nTEST\n-----END PRIVATE KEY-----\n", notBefore, notAfter);
    }
}
