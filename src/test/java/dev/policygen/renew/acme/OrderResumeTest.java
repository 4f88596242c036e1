package dev.policygen.renew.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.renew.account.AccountKeyFile;
import dev.policygen.renew.config.KeyType;
import java.net.URI;
import java.net.URL;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.Status;

/**
 * The resume decision for an order a dead runner created, for each status the CA may report, against
 * a scripted directory: pending and ready orders are resumed, processing and valid ones reissued,
 * invalid, expired, missing ones or orders for other names abandoned for a new order.
 */
class OrderResumeTest {
    private static KeyPair accountKey;
    private static final OrderRequest REQUEST = new OrderRequest(List.of("example.test"), KeyType.EC_P256,
            Optional.empty(), Optional.empty());

    @BeforeAll
    static void key() throws Exception {
        accountKey = AccountKeyFile.generate(KeyType.EC_P256);
    }

    @Test
    void eachStatusHasItsDecision() {
        assertEquals(OrderResume.CONTINUE_AUTHORIZATIONS, OrderResume.decide(Optional.of(Status.PENDING)));
        assertEquals(OrderResume.FINALIZE, OrderResume.decide(Optional.of(Status.READY)));
        assertEquals(OrderResume.REISSUE, OrderResume.decide(Optional.of(Status.PROCESSING)));
        assertEquals(OrderResume.REISSUE, OrderResume.decide(Optional.of(Status.VALID)));
        assertEquals(OrderResume.NEW, OrderResume.decide(Optional.of(Status.INVALID)));
        assertEquals(OrderResume.NEW, OrderResume.decide(Optional.of(Status.EXPIRED)));
        assertEquals(OrderResume.NEW, OrderResume.decide(Optional.empty()));
    }

    @Test
    void pendingAndReadyOrdersAreResumedByTheirUrl() throws Exception {
        for (String status : List.of("pending", "ready")) {
            RecordingLedger ledger = resume(status, REQUEST);
            assertEquals(List.of("resumed " + status), ledger.events, status);
            assertTrue(ledger.order.isPresent(), status);
            assertEquals(Status.parse(status), ledger.order.get().getStatus());
            assertEquals(ledger.previous().orElseThrow(), ledger.order.get().getLocation());
        }
    }

    @Test
    void processingAndValidOrdersAreReissuedSinceTheirKeyIsLost() throws Exception {
        for (String status : List.of("processing", "valid")) {
            RecordingLedger ledger = resume(status, REQUEST);
            assertEquals(List.of("reissued"), ledger.events, status);
            assertEquals(Optional.empty(), ledger.order, status);
        }
    }

    @Test
    void invalidExpiredMissingOrForeignOrdersAreAbandoned() throws Exception {
        for (String status : List.of("invalid", "expired", "404")) {
            RecordingLedger ledger = resume(status, REQUEST);
            assertEquals(List.of("abandoned"), ledger.events, status);
            assertEquals(Optional.empty(), ledger.order, status);
        }
        RecordingLedger other = resume("pending", new OrderRequest(List.of("other.test"), KeyType.EC_P256,
                Optional.empty(), Optional.empty()));
        assertEquals(List.of("abandoned"), other.events, "an order for other names is not this certificate's");
    }

    @Test
    void withoutAnEarlierOrderNothingIsAsked() throws Exception {
        try (StubAcmeServer stub = new StubAcmeServer(false, true); AcmeClient client = login(stub)) {
            RecordingLedger ledger = new RecordingLedger(Optional.empty());
            assertEquals(Optional.empty(), client.resumed(REQUEST, ledger));
            assertEquals(List.of(), ledger.events);
        }
    }

    /** The stub holds order 1 in {@code status} ("404": no such order); the client is asked to resume it. */
    private static RecordingLedger resume(String status, OrderRequest request) throws Exception {
        try (StubAcmeServer stub = new StubAcmeServer(false, true); AcmeClient client = login(stub)) {
            if (!status.equals("404")) {
                stub.orderStatuses.put("1", status);
            }
            RecordingLedger ledger = new RecordingLedger(Optional.of(
                    URI.create(stub.directory().toString().replace("/dir", "/order/1")).toURL()));
            ledger.order = client.resumed(request, ledger);
            if (ledger.order.isPresent()) {
                // read while the stub still runs: acme4j loads lazily
                ledger.order.get().getStatus();
            }
            assertTrue(stub.orderPayloads.isEmpty(), "resuming never creates an order");
            return ledger;
        }
    }

    private static AcmeClient login(StubAcmeServer stub) throws Exception {
        return AcmeClient.login(stub.directory(), Optional.empty(), accountKey, Clock.systemUTC(), duration -> { });
    }

    private static final class RecordingLedger implements OrderLedger {
        private final Optional<URL> previous;
        final List<String> events = new ArrayList<>();
        Optional<Order> order = Optional.empty();

        RecordingLedger(Optional<URL> previous) {
            this.previous = previous;
        }

        @Override
        public Optional<URL> previous() {
            return previous;
        }

        @Override
        public void created(URL order) {
            events.add("created");
        }

        @Override
        public void resumed(URL order, String status) {
            events.add("resumed " + status);
        }

        @Override
        public void reissued(URL order, String reason) {
            events.add("reissued");
        }

        @Override
        public void abandoned(URL order, String reason) {
            events.add("abandoned");
        }
    }
}
