package dev.policygen.renew.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.renew.account.AccountKeyFile;
import dev.policygen.renew.account.AcmeFailure;
import dev.policygen.renew.config.KeyType;
import dev.policygen.renew.pace.Sleeper;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: a rateLimited answer pauses the NEW orders of the whole pass (every certificate shares the
 * pass's AcmeClient), not only the request that got it: the CA limits the account.
 */
class AcmeOrderPauseTest {
    private static KeyPair accountKey;
    private final List<Duration> sleeps = new ArrayList<>();
    private final Sleeper sleeper = sleeps::add;

    @BeforeAll
    static void key() throws Exception {
        accountKey = AccountKeyFile.generate(KeyType.EC_P256);
    }

    private AcmeClient login(StubAcmeServer stub) throws AcmeFailure {
        return AcmeClient.login(stub.directory(), Optional.empty(), accountKey, Clock.systemUTC(), sleeper);
    }

    private static OrderRequest order(String name) {
        return new OrderRequest(List.of(name), KeyType.EC_P256, Optional.empty(), Optional.empty());
    }

    @Test
    void withoutARateLimitAnOrderIsSentAtOnce() throws Exception {
        try (StubAcmeServer stub = new StubAcmeServer(true, true); AcmeClient client = login(stub)) {
            client.createOrder(order("a.example.test"));
            assertEquals(1, stub.orderPayloads.size());
            assertEquals(List.of(), sleeps);
        }
    }

    @Test
    void aRateLimitedAnswerToOneRequestMakesTheNextNewOrderWaitOutItsRetryAfter() throws Exception {
        try (StubAcmeServer stub = new StubAcmeServer(true, true); AcmeClient client = login(stub)) {
            // another certificate's request is refused with Retry-After 120 s (then answered after its wait)
            stub.answers.add(StubAcmeServer.Answer.rateLimited("120"));
            stub.answers.add(StubAcmeServer.Answer.window("2026-12-01T00:00:00Z", "2026-12-03T00:00:00Z", null));
            client.renewalInfo(AcmeClientStubTestCertificate.certificate(accountKey));
            assertEquals(1, sleeps.size(), "the refused request waited once");

            client.createOrder(order("b.example.test"));

            assertEquals(2, sleeps.size(), "a new order of the pass waited too: " + sleeps);
            assertTrue(sleeps.get(1).compareTo(Duration.ofSeconds(110)) > 0
                    && sleeps.get(1).compareTo(Duration.ofSeconds(120)) <= 0, sleeps.toString());
            assertEquals(1, stub.orderPayloads.size());
        }
    }

    @Test
    void aRetryAfterBeyondFiveMinutesFailsNewOrdersAtOnceWithoutSendingThem() throws Exception {
        try (StubAcmeServer stub = new StubAcmeServer(true, true); AcmeClient client = login(stub)) {
            stub.answers.add(StubAcmeServer.Answer.rateLimited("3600"));
            assertThrows(AcmeFailure.class,
                    () -> client.renewalInfo(AcmeClientStubTestCertificate.certificate(accountKey)));

            AcmeFailure failure = assertThrows(AcmeFailure.class, () -> client.createOrder(order("b.example.test")));

            assertTrue(failure.getMessage().startsWith("cannot create the order for b.example.test: the CA's rate "
                    + "limit pauses new orders until 20"), failure.getMessage());
            assertEquals(0, stub.orderPayloads.size(), "never sent to the CA");
            assertEquals(List.of(), sleeps);
        }
    }
}
