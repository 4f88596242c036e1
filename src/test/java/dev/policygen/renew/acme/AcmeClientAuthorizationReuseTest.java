package dev.policygen.renew.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.proof.ChainVerifier;
import dev.policygen.proof.PebbleServer;
import dev.policygen.renew.config.KeyType;
import dev.policygen.sandbox.Sandbox;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AcmeClient.issue when the CA reuses the account's valid authorizations (Pebble with
 * {@code PEBBLE_AUTHZREUSE=100}; Let's Encrypt does the same for weeks): an order whose
 * authorizations are all valid calls neither publish nor withdraw and is still finalized; an order
 * with one name more publishes that name's value alone, and withdraws once.
 */
class AcmeClientAuthorizationReuseTest {
    private static final String ZONE_ID = AcmeClientPebbleTest.ZONE_ID;
    private static final List<String> NAMES = AcmeClientPebbleTest.NAMES;

    @TempDir
    static Path directory;
    private static Sandbox sandbox;
    private static PebbleServer pebble;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.builder().zone("example.test", ZONE_ID).build().start();
        pebble = PebbleServer.start(directory.resolve("pebble"), sandbox.ports().dns(),
                Map.of("PEBBLE_AUTHZREUSE", "100"));
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

    private static OrderRequest order(List<String> names) {
        return new OrderRequest(names, KeyType.EC_P256, Optional.empty(), Optional.empty());
    }

    @Test
    void anOrderWhoseAuthorizationsAreAllValidPublishesAndWithdrawsNothing() throws Exception {
        KeyPair account = AcmeClientPebbleTest.register(pebble);
        try (AcmeClient client = AcmeClientPebbleTest.client(pebble, account)) {
            SandboxPublisher first = new SandboxPublisher(sandbox.records(), ZONE_ID, false);
            IssuedCertificate validated = client.issue(order(NAMES), first);
            assertEquals(1, first.published.size(), "the first order validates");
            assertEquals(2, first.published.get(0).size(), first.published.toString());
            assertEquals(1, first.withdrawals);

            SandboxPublisher second = new SandboxPublisher(sandbox.records(), ZONE_ID, false);
            IssuedCertificate reused = client.issue(order(NAMES), second);
            assertEquals(List.of(), second.published, "nothing to publish");
            assertEquals(0, second.withdrawals, "nothing to withdraw");
            ChainVerifier.assertValid(reused.chain(), pebble, NAMES);
            AcmeClientPebbleTest.assertKeyMatches(reused, "EC");
            assertNotEquals(validated.leaf().getSerialNumber(), reused.leaf().getSerialNumber());
            assertNotEquals(validated.privateKeyPem(), reused.privateKeyPem(), "a new key all the same");
            assertTrue(second.txtSets().isEmpty(), second.txtSets().toString());
        }
    }

    @Test
    void anOrderWithOneNameMorePublishesThatNameAlone() throws Exception {
        KeyPair account = AcmeClientPebbleTest.register(pebble);
        try (AcmeClient client = AcmeClientPebbleTest.client(pebble, account)) {
            client.issue(order(NAMES), new SandboxPublisher(sandbox.records(), ZONE_ID, false));

            List<String> more = List.of("example.test", "*.example.test", "www.example.test");
            SandboxPublisher publisher = new SandboxPublisher(sandbox.records(), ZONE_ID, false);
            IssuedCertificate issued = client.issue(order(more), publisher);
            assertEquals(1, publisher.published.size(), publisher.published.toString());
            List<ChallengeRecord> records = publisher.published.get(0);
            assertEquals(1, records.size(), records.toString());
            assertEquals("www.example.test", records.get(0).identifier());
            assertEquals("_acme-challenge.www.example.test", records.get(0).recordName());
            assertEquals(1, publisher.withdrawals);
            assertTrue(publisher.txtSets().isEmpty(), publisher.txtSets().toString());
            ChainVerifier.assertValid(issued.chain(), pebble, more);
        }
    }
}
