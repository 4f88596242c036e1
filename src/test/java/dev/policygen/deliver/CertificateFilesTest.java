package dev.policygen.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.InputException;
import dev.policygen.renew.acme.IssuedCertificate;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFullchainIsSplitIntoTheLeafAndItsIssuers() throws Exception {
        TestCertificate issued = TestCertificate.valid("www.example.test", "EC");
        Path cert = issued.write(dir.resolve("fullchain.pem"), issued.fullchainPem());
        Path key = issued.write(dir.resolve("privkey.pem"), issued.pkcs8Key());
        IssuedCertificate read = CertificateFiles.read(cert, key, Optional.empty(), Instant.now());
        assertEquals(issued.leaf(), read.leaf());
        assertEquals(2, read.chain().size());
        assertEquals(issued.leafPem().replace("\r", ""), read.certificatePem());
        assertEquals(issued.issuerPem().replace("\r", ""), read.chainPem());
        assertEquals(read.certificatePem() + read.chainPem(), read.fullchainPem());
        assertEquals("www.example.test", Deliverer.firstName(read.leaf()));
    }

    @Test
    void aSeparateChainFileAndTraditionalKeysAsLegoWritesThem() throws Exception {
        for (String type : new String[] {"EC", "RSA"}) {
            TestCertificate issued = TestCertificate.valid("api.example.test", type);
            Path cert = issued.write(dir.resolve(type + "/cert.pem"), issued.leafPem());
            Path chain = issued.write(dir.resolve(type + "/chain.pem"), issued.issuerPem());
            Path key = issued.write(dir.resolve(type + "/key.pem"), issued.traditionalKey());
            IssuedCertificate read = CertificateFiles.read(cert, key, Optional.of(chain), Instant.now());
            assertEquals(2, read.chain().size(), type);
            assertTrue(read.privateKeyPem().startsWith("-----BEGIN " + type + " PRIVATE KEY-----"), read.privateKeyPem());
        }
    }

    @Test
    void eachUnusableFileFailsWithOneLineNamingIt() throws Exception {
        TestCertificate issued = TestCertificate.valid("www.example.test", "EC");
        TestCertificate other = TestCertificate.valid("www.example.test", "EC");
        Path cert = issued.write(dir.resolve("fullchain.pem"), issued.fullchainPem());
        Path key = issued.write(dir.resolve("privkey.pem"), issued.pkcs8Key());
        Path otherKey = issued.write(dir.resolve("other.pem"), other.pkcs8Key());
        Path rsaKey = issued.write(dir.resolve("rsa.pem"), TestCertificate.valid("x.test", "RSA").pkcs8Key());
        Path text = issued.write(dir.resolve("notes.txt"), "not a certificate\n");
        Path missing = dir.resolve("missing.pem");

        assertFails(missing, key, missing, "no such file");
        assertFails(text, key, text, "no PEM certificate");
        assertFails(cert, text, text, "no PEM private key");
        assertFails(key, key, key, "no PEM certificate");
        assertFails(cert, cert, cert, "no PEM private key");
        assertFails(cert, otherKey, otherKey, "not the key of the certificate");
        assertFails(cert, rsaKey, rsaKey, "not the key of the certificate");
        assertFails(cert, missing, missing, "no such file");

        Instant now = Instant.now();
        TestCertificate expired = TestCertificate.of("old.example.test", "EC", now.minusSeconds(90L * 86400),
                now.minusSeconds(60));
        Path expiredCert = expired.write(dir.resolve("expired.pem"), expired.fullchainPem());
        Path expiredKey = expired.write(dir.resolve("expired-key.pem"), expired.pkcs8Key());
        assertFails(expiredCert, expiredKey, expiredCert, "expired");
        TestCertificate future = TestCertificate.of("new.example.test", "EC", now.plusSeconds(3600),
                now.plusSeconds(90L * 86400));
        Path futureCert = future.write(dir.resolve("future.pem"), future.fullchainPem());
        Path futureKey = future.write(dir.resolve("future-key.pem"), future.pkcs8Key());
        assertFails(futureCert, futureKey, futureCert, "not valid before");
    }

    private static void assertFails(Path cert, Path key, Path named, String reason) {
        InputException e = assertThrows(InputException.class,
                () -> CertificateFiles.read(cert, key, Optional.empty(), Instant.now()));
        assertEquals(named.toString(), e.source(), e.located());
        assertTrue(e.getMessage().contains(reason), e.located());
        assertEquals(1, e.located().lines().count(), e.located());
    }
}
