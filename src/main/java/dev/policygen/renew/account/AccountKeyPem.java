package dev.policygen.renew.account;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads an ACME account key from PEM in each standard form: PKCS #8 ({@code BEGIN PRIVATE KEY}, what
 * OpenSSL 3 writes by default), PKCS #1 ({@code BEGIN RSA PRIVATE KEY}) and SEC 1 ({@code BEGIN EC
 * PRIVATE KEY}, with or without the public key, after an optional {@code EC PARAMETERS} block). The
 * public key is always derived from the private key, so forms that omit it read the same.
 *
 * <p>Keys an ACME server would refuse are refused here, with one line, before any request: Let's
 * Encrypt's Boulder (its {@code goodkey} policy, which RFC 8555 §6.2 leaves to each server) accepts
 * RSA keys of 2048 to 4096 bits and ECDSA keys on P-256 and P-384 only; P-521, other curves and
 * Ed25519 are refused. policygen refuses RSA below 2048 bits (other CAs may take larger keys, so the
 * server judges those) and every EC curve but P-256 and P-384. Encrypted keys are refused with the
 * hint to decrypt them: renew runs unattended and has no passphrase to ask for.
 */
final class AccountKeyPem {
    /** The smallest RSA modulus ACME CAs accept (Let's Encrypt, and the CA/Browser Forum's floor). */
    static final int MIN_RSA_BITS = 2048;

    private AccountKeyPem() {
    }

    /** The key pair of a PEM text read from {@code where} (a file or an s3:// URI, for messages). */
    static KeyPair parse(String text, String where) throws InputException {
        PrivateKeyInfo info = privateKeyInfo(text, where);
        try {
            ASN1ObjectIdentifier algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
            if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
                return rsa(info, where);
            }
            if (algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
                return ec(info, where);
            }
            throw refused(where, "an account key of algorithm " + algorithm.getId() + " is not supported; ACME "
                    + "servers accept RSA (2048 bits or more) or EC P-256/P-384 keys");
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new InputException(where, "cannot read the account key: " + e.getMessage(), e);
        }
    }

    /** The private key's PKCS #8 structure, whichever PEM form holds it. */
    private static PrivateKeyInfo privateKeyInfo(String text, String where) throws InputException {
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                if (object instanceof PEMKeyPair pair) {
                    return pair.getPrivateKeyInfo();
                }
                if (object instanceof PrivateKeyInfo info) {
                    return info;
                }
                if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw refused(where, "the account key is encrypted; policygen runs unattended and takes an "
                            + "unencrypted key: decrypt it first (openssl pkey -in KEY -out PLAIN)");
                }
                // an EC PARAMETERS block (openssl ecparam -genkey) comes before its key: read on
                if (!(object instanceof ASN1ObjectIdentifier) && !(object instanceof X9ECParameters)) {
                    break;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new InputException(where, "cannot parse the account key: " + e.getMessage(), e);
        }
        throw refused(where, "not a PEM private key (expected a PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY "
                + "block)");
    }

    private static KeyPair rsa(PrivateKeyInfo info, String where) throws IOException, GeneralSecurityException,
            InputException {
        KeyFactory factory = KeyFactory.getInstance("RSA");
        PrivateKey key = factory.generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw refused(where, "the RSA account key lacks its public exponent; write it in PKCS #8 or PKCS #1 form");
        }
        int bits = crt.getModulus().bitLength();
        if (bits < MIN_RSA_BITS) {
            throw refused(where, "the account key is RSA with " + bits + " bits, too weak: ACME servers require at "
                    + "least " + MIN_RSA_BITS + "; register a new account with policygen register");
        }
        PublicKey publicKey = factory.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        return new KeyPair(publicKey, key);
    }

    private static KeyPair ec(PrivateKeyInfo info, String where) throws IOException, GeneralSecurityException,
            InputException {
        ASN1Encodable parameters = info.getPrivateKeyAlgorithm().getParameters();
        if (!(parameters instanceof ASN1ObjectIdentifier curve)) {
            throw refused(where, "the EC account key has explicit curve parameters; ACME servers accept only the "
                    + "named curves P-256 and P-384");
        }
        if (!curve.equals(SECObjectIdentifiers.secp256r1) && !curve.equals(SECObjectIdentifiers.secp384r1)) {
            String name = ECNamedCurveTable.getName(curve);
            throw refused(where, "the account key is EC on curve " + (name == null ? curve.getId() : name)
                    + ", which ACME servers refuse: use P-256 or P-384 (policygen register --key-type ec-p256)");
        }
        KeyFactory factory = KeyFactory.getInstance("EC");
        // the JDK's key classes: Bouncy Castle's "ECDSA" keys are refused by the JDK signatures acme4j uses
        ECPrivateKey key = (ECPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
        X9ECParameters x9 = ECNamedCurveTable.getByOID(curve);
        org.bouncycastle.math.ec.ECPoint q = x9.getG().multiply(key.getS()).normalize();
        BigInteger x = q.getAffineXCoord().toBigInteger();
        BigInteger y = q.getAffineYCoord().toBigInteger();
        PublicKey publicKey = factory.generatePublic(new ECPublicKeySpec(new ECPoint(x, y), key.getParams()));
        return new KeyPair(publicKey, key);
    }

    private static InputException refused(String where, String message) {
        return new InputException(where, SourcePosition.UNKNOWN, message);
    }
}
