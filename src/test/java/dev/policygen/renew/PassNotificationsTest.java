package dev.policygen.renew;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.renew.notify.NotifyEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PassNotificationsTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private static CertificateResult failed(String name, Optional<Instant> expiry) {
        return CertificateResult.failed(name, expiry, new InputException("renew.yaml", SourcePosition.UNKNOWN,
                "no zone for www.example.test"));
    }

    @Test
    void oneEventPerCertificateExpiringWhenAFailureMeetsTheWindow() {
        List<CertificateResult> results = List.of(
                new CertificateResult("a", CertificateResult.Outcome.RENEWED, Optional.of(NOW.plus(Duration.ofDays(90))),
                        "", List.of("/etc/certs/a"), Optional.empty()),
                CertificateResult.skipped("b", Optional.of(NOW.plus(Duration.ofDays(60))), "not due"),
                failed("c", Optional.of(NOW.plus(Duration.ofDays(7)))),
                failed("d", Optional.of(NOW.plus(Duration.ofDays(7)).plusSeconds(1))),
                failed("e", Optional.empty()));
        List<NotifyEvent> events = PassNotifications.events(results, NOW, 7);
        assertEquals(List.of("a:renewed", "c:expiring", "d:failed", "e:failed"),
                events.stream().map(e -> e.certificate() + ":" + e.kind().wire()).toList());
        assertEquals(List.of("/etc/certs/a"), events.get(0).locations());
        assertTrue(events.get(1).reason().orElseThrow().contains("no zone for www.example.test"));
        assertEquals(List.of("c:failed"), PassNotifications.events(List.of(results.get(2)), NOW, 6).stream()
                .map(e -> e.certificate() + ":" + e.kind().wire()).toList(), "N days is the window");
    }

    @Test
    void theBodyIsOneJsonObject() {
        NotifyEvent event = new NotifyEvent(NotifyEvent.Kind.EXPIRING, "w\"x", Optional.of(NOW), List.of(),
                Optional.of("denied"), NOW);
        assertEquals("{\"event\":\"expiring\",\"certificate\":\"w\\\"x\",\"expiry\":\"2026-12-06T12:00:00Z\","
                + "\"destinations\":[],\"reason\":\"denied\",\"time\":\"2026-12-06T12:00:00Z\"}", event.json());
        assertEquals("policygen renew: expiring w\"x", event.subject());
    }
}
