package dev.policygen.deliver;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A leaf signed by a throw-away issuer, as the files another client leaves: the leaf's PEM, the
 * issuer's, and the leaf's key as PKCS #8 (certbot) or in its traditional form (lego's SEC 1 / PKCS #1).
 */
record TestCertificate(X509Certificate leaf, String leafPem, String issuerPem, String pkcs8Key,
        String traditionalKey) {

    static TestCertificate valid(String name, String keyType) throws Exception {
        Instant now = Instant.now();
        return of(name, keyType, now.minusSeconds(3600), now.plusSeconds(30L * 86400));
    }

    static TestCertificate of(String name, String keyType, Instant notBefore, Instant notAfter) throws Exception {
        KeyPair issuerKeys = keys("EC");
        KeyPair keys = keys(keyType);
        X500Name issuer = new X500Name("CN=test issuer");
        X509Certificate issuerCertificate = sign(issuer, issuer, issuerKeys, issuerKeys, notBefore, notAfter, null);
        X509Certificate leaf = sign(new X500Name("CN=" + name), issuer, keys, issuerKeys, notBefore, notAfter, name);
        return new TestCertificate(leaf, pem(leaf), pem(issuerCertificate),
                pem(new JcaPKCS8Generator(keys.getPrivate(), null).generate()), traditional(keys));
    }

    /**
     * PKCS #1 for RSA; SEC 1 with the curve named inside for EC, as OpenSSL and lego write it (the JDK's
     * key alone carries the curve only in PKCS #8's algorithm identifier).
     */
    private static String traditional(KeyPair keys) throws Exception {
        if (!(keys.getPrivate() instanceof java.security.interfaces.ECPrivateKey ec)) {
            return pem(keys);
        }
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded());
        SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
        ECPrivateKey sec1 = new ECPrivateKey(256, ec.getS(), publicKey.getPublicKeyData(),
                info.getPrivateKeyAlgorithm().getParameters());
        return pem(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
    }

    /** fullchain.pem: the leaf, then its issuer. */
    String fullchainPem() {
        return leafPem + issuerPem;
    }

    Path write(Path file, String text) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text, StandardCharsets.US_ASCII);
        return file;
    }

    private static KeyPair keys(String type) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
        if (type.equals("EC")) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            generator.initialize(2048);
        }
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(X500Name subject, X500Name issuer, KeyPair subjectKeys, KeyPair issuerKeys,
            Instant notBefore, Instant notAfter, String dnsName) throws Exception {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                new BigInteger(64, new SecureRandom()), Date.from(notBefore), Date.from(notAfter), subject,
                subjectKeys.getPublic());
        if (dnsName != null) {
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }

    private static String pem(Object object) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }
}
