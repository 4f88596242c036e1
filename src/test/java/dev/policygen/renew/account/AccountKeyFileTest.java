package dev.policygen.renew.account;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.InputException;
import dev.policygen.renew.config.KeyType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountKeyFileTest {
    @TempDir
    Path dir;

    @Test
    void writesAnEcKeyOwnerOnlyAndReadsItBack() throws Exception {
        Path file = dir.resolve("account.pem");
        KeyPair key = AccountKeyFile.generate(KeyType.EC_P256);
        AccountKeyFile.write(file, key);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Files.readString(file).startsWith("-----BEGIN EC PRIVATE KEY-----"));
        KeyPair back = AccountKeyFile.read(file);
        assertArrayEquals(key.getPrivate().getEncoded(), back.getPrivate().getEncoded());
        assertArrayEquals(key.getPublic().getEncoded(), back.getPublic().getEncoded());
        assertEquals(256, ((ECPublicKey) back.getPublic()).getParams().getCurve().getField().getFieldSize());
    }

    @Test
    void writesRsaKeysOfTheRequestedSize() throws Exception {
        Path file = dir.resolve("rsa.pem");
        AccountKeyFile.write(file, AccountKeyFile.generate(KeyType.RSA_2048));
        assertTrue(Files.readString(file).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        assertEquals(2048, ((RSAPublicKey) AccountKeyFile.read(file).getPublic()).getModulus().bitLength());
    }

    @Test
    void neverOverwritesAnExistingKey() throws Exception {
        Path file = dir.resolve("account.pem");
        Files.writeString(file, "existing key");

        InputException written = assertThrows(InputException.class,
                () -> AccountKeyFile.write(file, AccountKeyFile.generate(KeyType.EC_P256)));

        assertEquals(file + ": an account key already exists here; policygen never overwrites one (it is the only"
                + " proof of the ACME account): move it away or choose another path", written.located());
        assertEquals("existing key", Files.readString(file));
    }

    @Test
    void aDanglingSymlinkIsNotFollowed() throws Exception {
        Path target = dir.resolve("elsewhere.pem");
        Path link = Files.createSymbolicLink(dir.resolve("link.pem"), target);
        assertThrows(InputException.class, () -> AccountKeyFile.write(link, AccountKeyFile.generate(KeyType.EC_P256)));
        assertTrue(Files.notExists(target));
    }

    @Test
    void rejectsAFileThatIsNoKey() throws Exception {
        Path file = dir.resolve("cert.pem");
        Files.writeString(file, "not pem at all\n");
        InputException e = assertThrows(InputException.class, () -> AccountKeyFile.read(file));
        assertEquals(file + ": not a PEM private key (expected a PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY block)", e.located());
    }
}
