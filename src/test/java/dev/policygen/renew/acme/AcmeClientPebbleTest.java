package dev.policygen.renew.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.proof.ChainVerifier;
import dev.policygen.proof.PebbleServer;
import dev.policygen.renew.account.AccountKeyFile;
import dev.policygen.renew.account.AcmeAccounts;
import dev.policygen.renew.account.AcmeFailure;
import dev.policygen.renew.config.KeyType;
import dev.policygen.renew.pace.Sleeper;
import dev.policygen.sandbox.Sandbox;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.util.io.pem.PemReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AcmeClient against Debian's Pebble, validating DNS-01 against the sandbox's DNS server, whose
 * records the test publisher writes directly. Each test registers its own account, and a test that
 * counts the challenges of more than one order of the same names gives each order its own: Pebble
 * reuses a valid authorization of the account now and then even at PEBBLE_AUTHZREUSE=0, and such an
 * order has nothing to publish (AcmeClientAuthorizationReuseTest proves that case on purpose).
 */
class AcmeClientPebbleTest {
    static final String ZONE_ID = "Z0EXAMPLETEST";
    static final List<String> NAMES = List.of("example.test", "*.example.test");

    @TempDir
    static Path directory;
    private static Sandbox sandbox;
    private static PebbleServer pebble;
    private KeyPair accountKey;

    @BeforeAll
    static void start() throws Exception {
        // the sandbox first, on a port of its own choosing, so Pebble can be told it
        sandbox = Sandbox.builder().zone("example.test", ZONE_ID).build().start();
        pebble = PebbleServer.start(directory.resolve("pebble"), sandbox.ports().dns());
    }

    @BeforeEach
    void registerAnAccount() throws Exception {
        accountKey = register(pebble);
    }

    @AfterAll
    static void stop() throws Exception {
        if (pebble != null) {
            pebble.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    static KeyPair register(PebbleServer server) throws Exception {
        KeyPair key = AccountKeyFile.generate(KeyType.EC_P256);
        AcmeAccounts.at(URI.create(server.directoryUrl()), Optional.of(server.tlsCaFile()))
                .register(key, "ops@example.com", true);
        return key;
    }

    static AcmeClient client(PebbleServer server, KeyPair key) throws Exception {
        return AcmeClient.login(URI.create(server.directoryUrl()), Optional.of(server.tlsCaFile()), key,
                Clock.systemUTC(), Sleeper.SYSTEM);
    }

    private static OrderRequest order(KeyType type) {
        return new OrderRequest(NAMES, type, Optional.empty(), Optional.empty());
    }

    @Test
    void issuesAnEcAndAnRsaCertificateForANameAndItsWildcard() throws Exception {
        for (KeyType type : List.of(KeyType.EC_P256, KeyType.RSA_2048)) {
            // each order its own account: the second would otherwise meet the first's valid authorizations
            try (AcmeClient client = client(pebble, register(pebble))) {
                SandboxPublisher publisher = new SandboxPublisher(sandbox.records(), ZONE_ID, false);
                IssuedCertificate issued = client.issue(order(type), publisher);

                ChainVerifier.assertValid(issued.chain(), pebble, NAMES);
                assertKeyMatches(issued, type.ec() ? "EC" : "RSA");
                assertEquals(1, publisher.published.size(), "one publish per order");
                List<ChallengeRecord> records = publisher.published.get(0);
                assertEquals(2, records.size(), records.toString());
                for (ChallengeRecord record : records) {
                    assertEquals("example.test", record.identifier());
                    assertEquals("_acme-challenge.example.test", record.recordName());
                }
                assertNotEquals(records.get(0).value(), records.get(1).value());
                assertEquals(1, publisher.withdrawals, "one withdraw per order");
                assertTrue(publisher.txtSets().isEmpty(), publisher.txtSets().toString());

                assertEquals(issued.fullchainPem(), issued.certificatePem() + issued.chainPem());
                assertEquals(issued.leaf().getNotAfter().toInstant(), issued.notAfter());
                assertTrue(issued.privateKeyPem().startsWith("-----BEGIN PRIVATE KEY-----"));
                assertFalse(issued.toString().contains("PRIVATE KEY"), issued.toString());
                assertFalse(issued.toString().contains(issued.privateKeyPem().substring(28, 60)));
            }
        }
    }

    @Test
    void everyOrderHasANewKey() throws Exception {
        try (AcmeClient client = client(pebble, accountKey)) {
            IssuedCertificate first = client.issue(order(KeyType.EC_P256),
                    new SandboxPublisher(sandbox.records(), ZONE_ID, false));
            IssuedCertificate second = client.issue(order(KeyType.EC_P256),
                    new SandboxPublisher(sandbox.records(), ZONE_ID, false));
            assertNotEquals(first.privateKeyPem(), second.privateKeyPem());
            assertNotEquals(first.leaf().getPublicKey(), second.leaf().getPublicKey());
        }
    }

    @Test
    void aRefusedNameFailsNamingItAndStillWithdraws() throws Exception {
        try (AcmeClient client = client(pebble, accountKey)) {
            SandboxPublisher publisher = new SandboxPublisher(sandbox.records(), ZONE_ID, true);
            AcmeFailure failure = assertThrows(AcmeFailure.class, () -> client.issue(
                    new OrderRequest(List.of("www.example.test"), KeyType.EC_P256, Optional.empty(), Optional.empty()),
                    publisher));
            assertTrue(failure.getMessage().startsWith("the CA did not validate www.example.test (invalid): "),
                    failure.getMessage());
            assertEquals(1, publisher.withdrawals);
            assertTrue(publisher.txtSets().isEmpty(), publisher.txtSets().toString());
        }
    }

    @Test
    void pebbleOffersNoRenewalInformation() throws Exception {
        try (AcmeClient client = client(pebble, accountKey)) {
            IssuedCertificate issued = client.issue(order(KeyType.EC_P256),
                    new SandboxPublisher(sandbox.records(), ZONE_ID, false));
            assertEquals(Optional.empty(), client.renewalInfo(issued.leaf()));
            // and an order naming the certificate it replaces is then a plain order
            IssuedCertificate renewed = client.issue(new OrderRequest(NAMES, KeyType.EC_P256, Optional.empty(),
                    Optional.of(issued.leaf())), new SandboxPublisher(sandbox.records(), ZONE_ID, false));
            ChainVerifier.assertValid(renewed.chain(), pebble, NAMES);
        }
    }

    @Test
    void anAccountKeyWithoutAccountIsSentToRegister() throws Exception {
        KeyPair stranger = AccountKeyFile.generate(KeyType.EC_P256);
        AcmeFailure failure = assertThrows(AcmeFailure.class, () -> client(pebble, stranger));
        assertTrue(failure.getMessage().contains("create one with policygen register"), failure.getMessage());
    }

    @Test
    void issuesWhilePebbleRefusesNonces() throws Exception {
        // 30 % of nonces refused as badNonce: acme4j re-sends a signed request with a fresh nonce
        try (PebbleServer rejecting = PebbleServer.start(directory.resolve("pebble-nonces"), sandbox.ports().dns(),
                Map.of("PEBBLE_WFE_NONCEREJECT", "30"))) {
            int orders = 0;
            // order until Pebble has refused at least one nonce (almost always in the first order); each
            // order with an account of its own, so that every order triggers both challenges
            do {
                try (AcmeClient client = client(rejecting, register(rejecting))) {
                    IssuedCertificate issued = client.issue(order(KeyType.EC_P256),
                            new SandboxPublisher(sandbox.records(), ZONE_ID, false));
                    ChainVerifier.assertValid(issued.chain(), rejecting, NAMES);
                }
                orders++;
            } while (signedRequests(rejecting) == 7 * orders && orders < 5);
            assertTrue(signedRequests(rejecting) > 7 * orders, "Pebble refused no nonce in " + orders + " orders");
        }
    }

    @Test
    void picksTheAlternateChainOfThePreferredRoot() throws Exception {
        try (PebbleServer alternates = PebbleServer.start(directory.resolve("pebble-chains"), sandbox.ports().dns(),
                Map.of("PEBBLE_ALTERNATE_ROOTS", "1"))) {
            X509Certificate defaultRoot = alternates.root(0);
            X509Certificate otherRoot = alternates.root(1);
            String otherName = ChainChoice.commonName(otherRoot.getSubjectX500Principal()).orElseThrow();
            assertNotEquals(defaultRoot.getSubjectX500Principal(), otherRoot.getSubjectX500Principal());
            try (AcmeClient client = client(alternates, register(alternates))) {
                for (Optional<String> preferred : List.of(Optional.of(otherName), Optional.<String>empty(),
                        Optional.of("No Such Root"))) {
                    IssuedCertificate issued = client.issue(new OrderRequest(NAMES, KeyType.EC_P256, preferred,
                            Optional.empty()), new SandboxPublisher(sandbox.records(), ZONE_ID, false));
                    X509Certificate top = issued.chain().get(issued.chain().size() - 1);
                    X509Certificate root = preferred.equals(Optional.of(otherName)) ? otherRoot : defaultRoot;
                    assertEquals(root.getSubjectX500Principal(), top.getIssuerX500Principal(), preferred.toString());
                    top.verify(root.getPublicKey());
                }
            }
        }
    }

    /**
     * Signed requests whose number is fixed without refused nonces, per order of 2 names with an
     * account of its own: register and login (1 each), new order, 2 challenges, finalize, certificate
     * download. A refused nonce makes one more. (Pebble logs every request it receives, refused or not.)
     */
    private static long signedRequests(PebbleServer server) throws Exception {
        return server.logText().lines()
                .filter(line -> line.matches(".*POST /(sign-me-up|order-plz|chalZ/|finalize-order/|certZ/).*")).count();
    }

    /** The PEM key signs what the certificate's public key verifies. */
    static void assertKeyMatches(IssuedCertificate issued, String algorithm) throws Exception {
        byte[] der;
        try (PemReader reader = new PemReader(new StringReader(issued.privateKeyPem()))) {
            der = reader.readPemObject().getContent();
        }
        PrivateKey key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        String signing = algorithm.equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        byte[] data = "policygen".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(signing);
        signer.initSign(key);
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(signing);
        verifier.initVerify(issued.leaf().getPublicKey());
        verifier.update(data);
        assertTrue(verifier.verify(signature), "the private key belongs to the certificate");
    }
}
