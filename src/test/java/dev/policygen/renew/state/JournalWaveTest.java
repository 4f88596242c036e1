package dev.policygen.renew.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policygen.route53.HostedZoneId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 13: a wave's orders are journalled in one write, each value under its own certificate, once. */
class JournalWaveTest {
    private static final Instant NOW = Instant.parse("2026-12-06T18:00:00Z");
    private static final HostedZoneId ZONE = new HostedZoneId("Z1D633PJN98FT9");

    @TempDir
    Path dir;

    @Test
    void recordAllKeepsEachValueUnderItsCertificateAndSurvivesAReopen() throws Exception {
        Map<String, Map<String, List<String>>> wave = new LinkedHashMap<>();
        wave.put("www", Map.of("_acme-challenge.example.com", List.of("\"w\"")));
        // the apex certificate and the wildcard one share a challenge name, with their own values
        wave.put("wild", Map.of("_acme-challenge.example.com", List.of("\"x\"", "\"w\"")));
        try (Journal journal = Journal.open(dir, Clock.fixed(NOW, ZoneOffset.UTC))) {
            journal.recordAll(ZONE, wave);
        }
        try (Journal again = Journal.open(dir, Clock.systemUTC())) {
            assertEquals(List.of(new Journal.Entry(ZONE, "_acme-challenge.example.com", "\"w\"", "www", NOW),
                    new Journal.Entry(ZONE, "_acme-challenge.example.com", "\"x\"", "wild", NOW)), again.leftovers());
            again.forget(ZONE, Map.of("_acme-challenge.example.com", List.of("\"w\"", "\"x\"")));
            assertEquals(List.of(), again.leftovers());
        }
    }
}
