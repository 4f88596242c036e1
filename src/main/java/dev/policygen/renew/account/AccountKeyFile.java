package dev.policygen.renew.account;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.io.AtomicFile;
import dev.policygen.io.FileMode;
import dev.policygen.io.InputFiles;
import dev.policygen.renew.config.KeyType;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * An ACME account key in a local PEM file. A new key is written to a file that must not exist yet,
 * created with mode 0600 in the same system call, so the key is never readable by others and an
 * existing account key (the only proof of an ACME account) is never replaced.
 */
public final class AccountKeyFile {
    private static final BouncyCastleProvider PROVIDER = new BouncyCastleProvider();

    private AccountKeyFile() {
    }

    public static KeyPair generate(KeyType type) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(type.ec() ? "EC" : "RSA", PROVIDER);
        if (type.ec()) {
            generator.initialize(new ECGenParameterSpec(type.curve()), new SecureRandom());
        } else {
            generator.initialize(type.rsaBits(), new SecureRandom());
        }
        return withJdkKeys(generator.generateKeyPair(), type.ec() ? "EC" : "RSA");
    }

    /**
     * The same keys as JDK key objects: Bouncy Castle names its EC keys "ECDSA", which the JDK's
     * signatures (and so acme4j's JOSE library) refuse as not an EC key.
     */
    private static KeyPair withJdkKeys(KeyPair keys, String algorithm) throws GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance(algorithm);
        return new KeyPair(factory.generatePublic(new X509EncodedKeySpec(keys.getPublic().getEncoded())),
                factory.generatePrivate(new PKCS8EncodedKeySpec(keys.getPrivate().getEncoded())));
    }

    /** The key pair as PEM (the traditional RSA or EC PRIVATE KEY block, which holds the public key too). */
    static byte[] pem(KeyPair keyPair, String where) throws InputException {
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(keyPair);
        } catch (IOException e) {
            throw new InputException(where, "cannot encode the account key: " + e.getMessage(), e);
        }
        return pem.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes the key pair as PEM to a new file with mode 0600; never replaces an existing file. */
    public static void write(Path file, KeyPair keyPair) throws InputException {
        byte[] bytes = pem(keyPair, file.toString());
        try {
            // fails if the name exists, even as a dangling symlink: no check-then-write race
            AtomicFile.createNew(file, bytes, FileMode.OWNER_ONLY);
        } catch (FileAlreadyExistsException e) {
            throw exists(file);
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot write the account key: " + e.getMessage(), e);
        }
    }

    public static KeyPair read(Path file) throws InputException {
        return parse(InputFiles.read(file, "the account key", StandardCharsets.US_ASCII), file.toString());
    }

    /**
     * The key pair of a PEM text read from {@code where} (a file or an s3:// URI, for messages), in any
     * standard PEM form; weak and encrypted keys are refused with one line ({@link AccountKeyPem}).
     */
    public static KeyPair parse(String text, String where) throws InputException {
        return AccountKeyPem.parse(text, where);
    }

    private static InputException exists(Path file) {
        return exists(file.toString());
    }

    static InputException exists(String where) {
        return new InputException(where, SourcePosition.UNKNOWN, "an account key already exists here; "
                + "policygen never overwrites one (it is the only proof of the ACME account): move it away or "
                + "choose another path");
    }
}
