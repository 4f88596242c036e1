package dev.policygen.renew.acme;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A certificate with an authority key identifier, so the CA's renewal information can be asked for it. */
final class AcmeClientStubTestCertificate {
    private AcmeClientStubTestCertificate() {
    }

    static X509Certificate certificate(KeyPair subject) throws Exception {
        KeyPair issuer = dev.policygen.renew.account.AccountKeyFile.generate(dev.policygen.renew.config.KeyType.EC_P256);
        Instant now = Instant.now();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                new X500Name("CN=Stub Issuer"), new BigInteger("12345678abcdef", 16), Date.from(now),
                Date.from(now.plus(Duration.ofDays(90))), new X500Name("CN=example.test"), subject.getPublic())
                .addExtension(Extension.authorityKeyIdentifier, false,
                        new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuer.getPublic()))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
    }
}
