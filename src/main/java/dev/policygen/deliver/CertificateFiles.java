package dev.policygen.deliver;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.io.InputFiles;
import dev.policygen.renew.acme.IssuedCertificate;
import dev.policygen.renew.deliver.Pem;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * A certificate another client issued, read from its files and checked before any AWS request:
 * {@code --cert} (the leaf, or the leaf and its issuers as in a {@code fullchain.pem}),
 * {@code --key} (PKCS #8, PKCS #1 or SEC 1 PEM, unencrypted, as certbot, lego and cert-manager
 * write it) and optionally {@code --chain}. A file that cannot be read, holds no PEM of its kind, a
 * key that is not the certificate's, or a certificate outside its validity fails with one line naming
 * the file: IAM and ACM would refuse each of them, and after a partial delivery.
 */
public final class CertificateFiles {
    private CertificateFiles() {
    }

    /** The certificate as delivery takes it; {@code now} decides expiry. */
    public static IssuedCertificate read(Path cert, Path key, Optional<Path> chain, Instant now)
            throws InputException {
        List<X509Certificate> given = certificates(cert, "the certificate");
        X509Certificate leaf = given.get(0);
        List<X509Certificate> issuers = chain.isPresent() ? certificates(chain.get(), "the chain")
                : given.subList(1, given.size());
        if (now.isAfter(leaf.getNotAfter().toInstant())) {
            throw new InputException(cert.toString(), SourcePosition.UNKNOWN, "the certificate expired at "
                    + leaf.getNotAfter().toInstant() + "; deliver a renewed one");
        }
        if (now.isBefore(leaf.getNotBefore().toInstant())) {
            throw new InputException(cert.toString(), SourcePosition.UNKNOWN, "the certificate is not valid before "
                    + leaf.getNotBefore().toInstant() + "; check the clock, or deliver it then");
        }
        String keyText = InputFiles.read(key, "the private key").strip() + "\n";
        PrivateKey privateKey = privateKey(keyText, key);
        if (!matches(privateKey, leaf)) {
            throw new InputException(key.toString(), SourcePosition.UNKNOWN, "the private key is not the key of "
                    + "the certificate in " + cert + " (" + leaf.getSubjectX500Principal().getName() + ")");
        }
        List<X509Certificate> all = new ArrayList<>();
        all.add(leaf);
        all.addAll(issuers);
        String chainPem = pem(issuers);
        String leafPem = pem(List.of(leaf));
        return new IssuedCertificate(all, leafPem, chainPem, leafPem + chainPem, keyText,
                leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant());
    }

    private static List<X509Certificate> certificates(Path file, String what) throws InputException {
        String text = InputFiles.read(file, what);
        List<X509Certificate> certificates;
        try {
            certificates = text.contains("-----BEGIN CERTIFICATE-----") ? Pem.certificates(text) : List.of();
        } catch (CertificateException | RuntimeException e) {
            throw new InputException(file.toString(), SourcePosition.UNKNOWN, what + " is not a readable PEM "
                    + "certificate: " + e.getMessage());
        }
        if (certificates.isEmpty()) {
            throw new InputException(file.toString(), SourcePosition.UNKNOWN, "no PEM certificate in " + what
                    + " (expected -----BEGIN CERTIFICATE-----)");
        }
        return certificates;
    }

    private static PrivateKey privateKey(String text, Path file) throws InputException {
        Object object;
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            object = parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new InputException(file.toString(), SourcePosition.UNKNOWN, "the private key is not readable PEM: "
                    + e.getMessage());
        }
        if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
            throw new InputException(file.toString(), SourcePosition.UNKNOWN, "the private key is encrypted; IAM and "
                    + "ACM take it unencrypted (openssl pkey -in KEY -out PLAIN)");
        }
        try {
            if (object instanceof PEMKeyPair pair) {
                return new JcaPEMKeyConverter().getPrivateKey(pair.getPrivateKeyInfo());
            }
            if (object instanceof PrivateKeyInfo info) {
                return new JcaPEMKeyConverter().getPrivateKey(info);
            }
        } catch (IOException | RuntimeException e) {
            throw new InputException(file.toString(), SourcePosition.UNKNOWN, "the private key cannot be read: "
                    + e.getMessage());
        }
        throw new InputException(file.toString(), SourcePosition.UNKNOWN, "no PEM private key in the key file "
                + "(expected -----BEGIN PRIVATE KEY-----, RSA PRIVATE KEY or EC PRIVATE KEY)");
    }

    /** Whether the key signs what the certificate's public key verifies: the only test valid for every key type. */
    private static boolean matches(PrivateKey key, X509Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return false;
        }
        try {
            byte[] probe = "policygen deliver key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // a key of one type and a certificate of another cannot be paired: InvalidKeyException
            return false;
        }
    }

    /** Certificates as PEM, each base64 line 64 characters as RFC 7468 writes them. */
    static String pem(List<X509Certificate> certificates) throws InputException {
        StringBuilder text = new StringBuilder();
        Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        for (X509Certificate certificate : certificates) {
            try {
                text.append("-----BEGIN CERTIFICATE-----\n").append(encoder.encodeToString(certificate.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (CertificateException e) {
                throw new InputException(certificate.getSubjectX500Principal().getName(), SourcePosition.UNKNOWN,
                        "cannot encode the certificate: " + e.getMessage());
            }
        }
        return text.toString();
    }
}
