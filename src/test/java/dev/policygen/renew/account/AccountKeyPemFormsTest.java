package dev.policygen.renew.account;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.InputException;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemObjectGenerator;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 item 8: every standard PEM form of an account key is read (PKCS #8, OpenSSL 3's default;
 * PKCS #1; SEC 1 with and without its public key or an EC PARAMETERS block), and weak, unsupported
 * or encrypted keys are refused with one line naming the file, never a crash. Keys are made here by
 * the JDK and written in each form by Bouncy Castle.
 */
class AccountKeyPemFormsTest {
    @TempDir
    Path dir;

    @Test
    void readsPkcs8KeysAsOpenSsl3WritesThem() throws Exception {
        for (KeyPair key : new KeyPair[] {rsa(2048), ec("secp256r1"), ec("secp384r1")}) {
            assertSameKey(key, read(pem(new PemObject("PRIVATE KEY", key.getPrivate().getEncoded()))));
        }
    }

    @Test
    void readsTraditionalRsaAndEcKeys() throws Exception {
        for (KeyPair key : new KeyPair[] {rsa(3072), ec("secp256r1"), ec("secp384r1")}) {
            String text = traditional(key);
            assertTrue(text.startsWith("-----BEGIN " + (key.getPrivate().getAlgorithm().equals("RSA") ? "RSA" : "EC")
                    + " PRIVATE KEY-----"), text);
            assertSameKey(key, read(text));
        }
    }

    @Test
    void readsAnEcKeyWithoutItsPublicKeyAndAfterItsParameters() throws Exception {
        KeyPair key = ec("secp256r1");
        BigInteger d = ((ECPrivateKey) key.getPrivate()).getS();
        // SEC 1 without the optional public key, as openssl ec -no_public writes it
        org.bouncycastle.asn1.sec.ECPrivateKey bare = new org.bouncycastle.asn1.sec.ECPrivateKey(256, d,
                SECObjectIdentifiers.secp256r1);
        String noPublic = pem(new PemObject("EC PRIVATE KEY", bare.getEncoded()));
        assertSameKey(key, read(noPublic));
        // openssl ecparam -genkey writes the curve first
        String withParameters = pem(new PemObject("EC PARAMETERS", SECObjectIdentifiers.secp256r1.getEncoded()))
                + traditional(key);
        assertSameKey(key, read(withParameters));
    }

    @Test
    void refusesWeakRsaKeysWithOneLine() throws Exception {
        KeyPair weak = rsa(1024);
        Path file = write(pem(new PemObject("PRIVATE KEY", weak.getPrivate().getEncoded())));
        assertEquals(file + ": the account key is RSA with 1024 bits, too weak: ACME servers require at least 2048; "
                + "register a new account with policygen register", refusal(file));
        Path traditional = write(traditional(weak));
        assertTrue(refusal(traditional).contains("RSA with 1024 bits, too weak"));
    }

    @Test
    void refusesCurvesAcmeServersRefuse() throws Exception {
        Path p521 = write(pem(new PemObject("PRIVATE KEY", ec("secp521r1").getPrivate().getEncoded())));
        assertEquals(p521 + ": the account key is EC on curve secp521r1, which ACME servers refuse: use P-256 or P-384 "
                + "(policygen register --key-type ec-p256)", refusal(p521));
        Path secp256k1 = write(traditional(ec("secp256k1")));
        assertTrue(refusal(secp256k1).contains("EC on curve secp256k1"), refusal(secp256k1));
        KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Path ed25519 = write(pem(new PemObject("PRIVATE KEY", ed.getPrivate().getEncoded())));
        assertTrue(refusal(ed25519).contains("is not supported; ACME servers accept RSA (2048 bits or more) or EC "
                + "P-256/P-384 keys"), refusal(ed25519));
    }

    @Test
    void refusesEncryptedKeysWithTheHintToDecrypt() throws Exception {
        KeyPair key = ec("secp256r1");
        char[] password = "secret".toCharArray();
        PemObjectGenerator pkcs8 = new JcaPKCS8Generator(key.getPrivate(),
                new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC).setProvider(new BouncyCastleProvider()).setPassword(password).build());
        String encryptedPkcs8 = pem(pkcs8.generate());
        assertTrue(encryptedPkcs8.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(key, new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(new BouncyCastleProvider()).build(password));
        }
        assertTrue(text.toString().contains("Proc-Type: 4,ENCRYPTED"));
        for (String encrypted : new String[] {encryptedPkcs8, text.toString()}) {
            Path file = write(encrypted);
            assertEquals(file + ": the account key is encrypted; policygen runs unattended and takes an unencrypted "
                    + "key: decrypt it first (openssl pkey -in KEY -out PLAIN)", refusal(file));
        }
    }

    @Test
    void aCertificateOrPublicKeyIsNoAccountKey() throws Exception {
        Path publicKey = write(pem(new PemObject("PUBLIC KEY", ec("secp256r1").getPublic().getEncoded())));
        assertTrue(refusal(publicKey).endsWith("not a PEM private key (expected a PRIVATE KEY, RSA PRIVATE KEY or EC "
                + "PRIVATE KEY block)"), refusal(publicKey));
        // a PRIVATE KEY block whose content is garbage: one line, no parser internals beyond it
        Path garbage = write(pem(new PemObject("PRIVATE KEY", new byte[] {0x30, 0x03, 0x02, 0x01, 0x00})));
        String line = refusal(garbage);
        assertFalse(line.contains("\n"), line);
    }

    private static void assertSameKey(KeyPair expected, KeyPair read) throws Exception {
        if (expected.getPrivate() instanceof RSAPrivateKey rsa) {
            assertEquals(rsa.getModulus(), ((RSAPrivateKey) read.getPrivate()).getModulus());
            assertEquals(rsa.getPrivateExponent(), ((RSAPrivateKey) read.getPrivate()).getPrivateExponent());
        } else {
            assertEquals(((ECPrivateKey) expected.getPrivate()).getS(), ((ECPrivateKey) read.getPrivate()).getS());
            assertEquals(((ECPublicKey) expected.getPublic()).getW(), ((ECPublicKey) read.getPublic()).getW());
        }
        assertArrayEquals(expected.getPublic().getEncoded(), read.getPublic().getEncoded());
        // the pair read is usable as acme4j uses it: the JDK signs with the private key and verifies with the public
        String algorithm = read.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        assertEquals(expected.getPrivate().getAlgorithm(), read.getPrivate().getAlgorithm());
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(read.getPrivate());
        signer.update(new byte[] {1, 2, 3});
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(read.getPublic());
        verifier.update(new byte[] {1, 2, 3});
        assertTrue(verifier.verify(signature));
    }

    private KeyPair read(String text) throws Exception {
        return AccountKeyFile.read(write(text));
    }

    private String refusal(Path file) {
        return assertThrows(InputException.class, () -> AccountKeyFile.read(file)).located();
    }

    private Path write(String text) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "key", ".pem"), text);
    }

    private static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    private static KeyPair ec(String curve) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
        generator.initialize(new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    private static String traditional(KeyPair key) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(key);
        }
        return text.toString();
    }

    private static String pem(PemObject object) throws IOException {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }
}
