package dev.policygen.renew.account;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.AwsFailure;
import dev.policygen.InputException;
import dev.policygen.aws.CannedAwsServer;
import dev.policygen.aws.SdkAwsServices;
import dev.policygen.renew.config.AccountKeyLocation;
import dev.policygen.renew.config.KeyType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Account keys in files and in S3 (through the SDK adapter, against a canned local S3). */
class AccountKeysTest {
    private static final String EXISTS = ": an account key already exists here; policygen never overwrites one (it is"
            + " the only proof of the ACME account): move it away or choose another path";

    @TempDir
    Path dir;

    private static AccountKeyLocation location(String uri) {
        return AccountKeyLocation.parse(uri).orElseThrow();
    }

    @Test
    void filesAreWrittenOwnerOnlyOnceAndReadBack() throws Exception {
        AccountKeys keys = new AccountKeys(Optional.empty());
        AccountKeyLocation file = location("file://" + dir.resolve("account.pem"));
        assertTrue(keys.existing(file).isEmpty());
        KeyPair key = AccountKeyFile.generate(KeyType.EC_P256);
        keys.store(file, key);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("account.pem"))));
        assertArrayEquals(key.getPrivate().getEncoded(), keys.read(file).getPrivate().getEncoded());

        // an existing key is read back for register to use, and never replaced
        assertArrayEquals(key.getPublic().getEncoded(), keys.existing(file).orElseThrow().getPublic().getEncoded());
        InputException exists = assertThrows(InputException.class,
                () -> keys.store(file, AccountKeyFile.generate(KeyType.EC_P256)));
        assertEquals(dir.resolve("account.pem") + EXISTS, exists.located());

        InputException noDirectory = assertThrows(InputException.class,
                () -> keys.existing(location("file://" + dir.resolve("missing/account.pem"))));
        assertTrue(noDirectory.located().endsWith("the directory of the account key does not exist"));
    }

    @Test
    void s3KeysAreCheckedStoredConditionallyAndReadBack() throws Exception {
        AccountKeyLocation object = location("s3://keys-bucket/acme/account.pem");
        try (CannedAwsServer s3 = new CannedAwsServer(); SdkAwsServices aws = s3.services()) {
            AccountKeys keys = new AccountKeys(Optional.of(aws.objects()));
            s3.xml(404, "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>");
            assertTrue(keys.existing(object).isEmpty());

            KeyPair key = AccountKeyFile.generate(KeyType.EC_P384);
            s3.bytes(200, new byte[0]);
            keys.store(object, key);
            CannedAwsServer.Request put = s3.requests().get(1);
            assertEquals("PUT", put.method());
            assertEquals("/keys-bucket/acme/account.pem", put.path());
            assertEquals(Optional.of("*"), put.header("If-None-Match"));
            assertTrue(put.text().startsWith("-----BEGIN EC PRIVATE KEY-----"), put.text());

            s3.bytes(200, put.body());
            KeyPair back = keys.read(object);
            assertArrayEquals(key.getPrivate().getEncoded(), back.getPrivate().getEncoded());
            assertArrayEquals(key.getPublic().getEncoded(), back.getPublic().getEncoded());

            s3.bytes(200, put.body());
            assertArrayEquals(key.getPublic().getEncoded(), keys.existing(object).orElseThrow().getPublic().getEncoded());

            s3.xml(412, "<Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you "
                    + "specified did not hold</Message></Error>");
            InputException raced = assertThrows(InputException.class, () -> keys.store(object, key));
            assertEquals("s3://keys-bucket/acme/account.pem" + EXISTS, raced.located());

            s3.xml(404, "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>");
            InputException missing = assertThrows(InputException.class, () -> keys.read(object));
            assertEquals("s3://keys-bucket/acme/account.pem: there is no account key here (no such S3 object); create "
                    + "one with policygen register", missing.located());

            s3.bytes(200, "not a key".getBytes(StandardCharsets.US_ASCII));
            InputException notPem = assertThrows(InputException.class, () -> keys.read(object));
            assertEquals("s3://keys-bucket/acme/account.pem: not a PEM private key (expected a PRIVATE KEY, RSA "
                    + "PRIVATE KEY or EC PRIVATE KEY block)", notPem.located());

            // issue 10 item 8: an object in PKCS #8 (OpenSSL 3's default) is read like a file; a weak key is refused
            s3.bytes(200, pkcs8(key));
            assertArrayEquals(key.getPublic().getEncoded(), keys.read(object).getPublic().getEncoded());
            java.security.KeyPairGenerator rsa = java.security.KeyPairGenerator.getInstance("RSA");
            rsa.initialize(1024);
            s3.bytes(200, pkcs8(rsa.generateKeyPair()));
            assertEquals("s3://keys-bucket/acme/account.pem: the account key is RSA with 1024 bits, too weak: ACME "
                    + "servers require at least 2048; register a new account with policygen register",
                    assertThrows(InputException.class, () -> keys.read(object)).located());

            s3.xml(403, "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>");
            AwsFailure denied = assertThrows(AwsFailure.class, () -> keys.store(object, key));
            assertEquals(AwsFailure.Kind.ACCESS_DENIED, denied.kind());
            assertEquals(10, s3.requests().size());
        }
    }

    private static byte[] pkcs8(KeyPair key) {
        String base64 = java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getPrivate().getEncoded());
        return ("-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
