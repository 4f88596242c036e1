package dev.policygen.sandbox;

import dev.policygen.io.AtomicFile;
import dev.policygen.io.FileMode;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The sandbox's own certificate authority, whose certificate clients trust through AWS_CA_BUNDLE.
 * The intercepting proxy asks it for a TLS server context per CONNECT host, and it issues that
 * host's leaf certificate on first use. EC P-256 keys: fast to generate, and accepted by Go,
 * Python and Java clients. With a state directory the CA is kept, so a client configured once
 * keeps trusting it across sandbox restarts.
 */
final class CertificateAuthority {
    static final String CERTIFICATE_FILE = "sandbox-ca.pem";
    static final String KEY_FILE = "sandbox-ca-key.pem";
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final char[] STORE_PASSWORD = "policygen-sandbox".toCharArray();

    private final KeyPair keys;
    private final X509Certificate certificate;
    private final Path certificateFile;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SSLContext> contextsByHost = new ConcurrentHashMap<>();

    private CertificateAuthority(KeyPair keys, X509Certificate certificate, Path certificateFile) {
        this.keys = keys;
        this.certificate = certificate;
        this.certificateFile = certificateFile;
    }

    /** Loads the CA kept in {@code directory}, or creates one there and writes its PEM files. */
    static CertificateAuthority inDirectory(Path directory) throws IOException, GeneralSecurityException {
        Path certificateFile = directory.resolve(CERTIFICATE_FILE);
        Path keyFile = directory.resolve(KEY_FILE);
        if (Files.exists(certificateFile) && Files.exists(keyFile)) {
            X509Certificate certificate = readCertificate(certificateFile);
            return new CertificateAuthority(new KeyPair(certificate.getPublicKey(), readPrivateKey(keyFile)), certificate,
                    certificateFile);
        }
        KeyPair keys = newKeys();
        // the real time, not the sandbox's clock: TLS clients check validity against their own clocks
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=policygen sandbox CA " + now.getEpochSecond() + ",O=policygen");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(new SecureRandom()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name,
                keys.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                extensions.createSubjectKeyIdentifier(keys.getPublic()));
        X509Certificate certificate = sign(builder, keys.getPrivate());
        Files.createDirectories(directory);
        // PKCS #8, which keeps the curve in the algorithm identifier; SEC 1 as JcaPEMWriter writes a bare
        // JDK key would lose it
        writePem(keyFile, new JcaPKCS8Generator(keys.getPrivate(), null).generate());
        writePem(certificateFile, certificate);
        return new CertificateAuthority(keys, certificate, certificateFile);
    }

    Path certificateFile() {
        return certificateFile;
    }

    /** A TLS server context presenting a leaf certificate for {@code host}, issued on first use. */
    SSLContext serverContext(String host) throws GeneralSecurityException {
        return context(host, host, new GeneralName(GeneralName.dNSName, host));
    }

    /**
     * The context of the sandbox's own HTTPS endpoint, which callers reach by address rather than
     * through a CONNECT: its leaf names route53.amazonaws.com as well as localhost and 127.0.0.1, so
     * a client that verifies the address it dialled accepts it too.
     */
    SSLContext endpointContext() throws GeneralSecurityException {
        return context(" endpoint", "route53.amazonaws.com", new GeneralName(GeneralName.dNSName, "route53.amazonaws.com"),
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
    }

    private SSLContext context(String key, String commonName, GeneralName... names) throws GeneralSecurityException {
        SSLContext cached = contextsByHost.get(key);
        if (cached != null) {
            return cached;
        }
        KeyPair leafKeys = newKeys();
        // the real time, as for the CA: the client's clock judges the leaf
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(random),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(397))),
                new X500Name("CN=" + commonName), leafKeys.getPublic());
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(names));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(leafKeys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(certificate));
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot encode certificate extensions", e);
        }
        X509Certificate leaf = sign(builder, keys.getPrivate());
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot create an in-memory key store", e);
        }
        store.setKeyEntry("leaf", leafKeys.getPrivate(), STORE_PASSWORD, new X509Certificate[] {leaf, certificate});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, STORE_PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), null, null);
        SSLContext raced = contextsByHost.putIfAbsent(key, context);
        return raced != null ? raced : context;
    }

    private static KeyPair newKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(64, random).add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(SIGNATURE).build(issuerKey)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign a certificate with " + SIGNATURE, e);
        }
    }

    private static void writePem(Path file, Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            pem.writeObject(object);
        }
        // whoever trusts this CA lets its key holder impersonate Route 53: owner-only from the start
        FileMode mode = file.getFileName().toString().equals(KEY_FILE) ? FileMode.OWNER_ONLY : FileMode.UMASK_DEFAULT;
        AtomicFile.replace(file, text.toString().getBytes(StandardCharsets.US_ASCII), mode);
    }

    /** The CA's private key; SEC 1 PEM (which may omit the public key) or PKCS #8. The public key is the certificate's. */
    private static PrivateKey readPrivateKey(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            if (object instanceof PEMKeyPair pair) {
                return new JcaPEMKeyConverter().getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (object instanceof PrivateKeyInfo info) {
                return new JcaPEMKeyConverter().getPrivateKey(info);
            }
            throw new IOException(file + " does not hold the sandbox CA's private key");
        }
    }

    private static X509Certificate readCertificate(Path file) throws IOException, GeneralSecurityException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            if (!(object instanceof X509CertificateHolder holder)) {
                throw new IOException(file + " does not hold a certificate");
            }
            return new JcaX509CertificateConverter().getCertificate(holder);
        }
    }
}
