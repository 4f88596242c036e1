package dev.policygen.renew;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.renew.acme.RenewalWindow;
import dev.policygen.renew.config.CertificateConfig;
import dev.policygen.renew.config.ConfiguredDomain;
import dev.policygen.renew.config.Destination;
import dev.policygen.renew.config.KeyType;
import dev.policygen.renew.destination.DestinationKinds;
import dev.policygen.renew.destination.ServiceState;
import dev.policygen.route53.CertificateName;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Renew when forced, missing, for other names, inside the window, or when the CA's ARI says so. */
class RenewDecisionTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final Destination FILES = new Destination.Files(Path.of("/etc/ssl/www"));
    private static final Destination ACM = new Destination.Acm(Optional.empty());

    static CertificateConfig config(String... names) throws Exception {
        List<ConfiguredDomain> domains = new ArrayList<>();
        for (String name : names) {
            domains.add(new ConfiguredDomain(CertificateName.parse(name), Optional.empty()));
        }
        return new CertificateConfig("www", domains, KeyType.EC_P256, 30, List.of(FILES, ACM));
    }

    private static ServiceState state(Destination destination, Instant notAfter, String... names) throws Exception {
        X509Certificate certificate = TestCertificates.certificate(notAfter.minus(Duration.ofDays(90)), notAfter,
                names);
        return new ServiceState(DestinationKinds.of(destination), Optional.of(certificate), Optional.of("somewhere"));
    }

    private static RenewDecision decide(List<ServiceState> states, boolean force, Optional<RenewalWindow> window)
            throws Exception {
        return RenewDecision.decide(config("example.com", "*.example.com"), states, NOW, force, window);
    }

    @Test
    void anUnfinishedDestinationIsDueWhateverItsCertificateSays() throws Exception {
        Instant notAfter = NOW.plus(Duration.ofDays(60));
        String reason = "an earlier replacement of the files in /etc/ssl/www was interrupted";
        RenewDecision decision = decide(List.of(state(FILES, notAfter, "example.com", "*.example.com").unfinished(reason),
                state(ACM, notAfter, "example.com", "*.example.com")), false, Optional.empty());
        assertTrue(decision.due());
        assertEquals(reason, decision.reason());
        assertEquals(Optional.of(notAfter), decision.expiry());
    }

    @Test
    void notDueWhileOutsideTheWindow() throws Exception {
        Instant notAfter = NOW.plus(Duration.ofDays(60));
        RenewDecision decision = decide(List.of(state(FILES, notAfter, "*.example.com", "Example.com"),
                state(ACM, notAfter.plusSeconds(5), "example.com", "*.example.com")), false, Optional.empty());
        assertFalse(decision.due(), decision.reason());
        assertEquals(Optional.of(notAfter), decision.expiry());
        assertEquals("valid until " + notAfter + "; renews from " + notAfter.minus(Duration.ofDays(30)),
                decision.reason());
    }

    @Test
    void forceRenewsAValidCertificate() throws Exception {
        Instant notAfter = NOW.plus(Duration.ofDays(60));
        RenewDecision decision = decide(List.of(state(FILES, notAfter, "example.com", "*.example.com")), true,
                Optional.empty());
        assertTrue(decision.due());
        assertEquals("--force-issue", decision.reason());
        assertEquals(Optional.of(notAfter), decision.expiry());
    }

    @Test
    void aDestinationWithoutACertificateRenews() throws Exception {
        Instant notAfter = NOW.plus(Duration.ofDays(60));
        RenewDecision decision = decide(List.of(state(FILES, notAfter, "example.com", "*.example.com"),
                ServiceState.empty(DestinationKinds.of(ACM))), false, Optional.empty());
        assertTrue(decision.due());
        assertEquals("no certificate in service at a new ACM certificate", decision.reason());
        assertTrue(decide(List.of(), false, Optional.empty()).due());
    }

    @Test
    void otherNamesThanConfiguredRenew() throws Exception {
        RenewDecision decision = decide(List.of(state(FILES, NOW.plus(Duration.ofDays(60)), "example.com")), false,
                Optional.empty());
        assertTrue(decision.due());
        assertEquals("the certificate at somewhere is for [example.com], the config asks for [*.example.com,"
                + " example.com]", decision.reason());
    }

    @Test
    void internationalNamesCompareAsTheirAsciiForm() throws Exception {
        RenewDecision decision = RenewDecision.decide(config("*.Bücher.example"), List.of(state(FILES,
                NOW.plus(Duration.ofDays(60)), "*.xn--bcher-kva.example")), NOW, false, Optional.empty());
        assertFalse(decision.due(), decision.reason());
    }

    @Test
    void withinTheWindowRenewsFromItsFirstInstant() throws Exception {
        Instant edge = NOW.plus(Duration.ofDays(30));
        RenewDecision decision = decide(List.of(state(FILES, edge, "example.com", "*.example.com")), false,
                Optional.empty());
        assertTrue(decision.due());
        assertEquals("expires " + edge + ", within 30 days", decision.reason());
        assertFalse(decide(List.of(state(FILES, edge.plusSeconds(1), "example.com", "*.example.com")), false,
                Optional.empty()).due());
    }

    @Test
    void theEarliestExpiryDecides() throws Exception {
        RenewDecision decision = decide(List.of(state(FILES, NOW.plus(Duration.ofDays(80)), "example.com",
                "*.example.com"), state(ACM, NOW.plus(Duration.ofDays(10)), "example.com", "*.example.com")), false,
                Optional.empty());
        assertTrue(decision.due());
        assertEquals(Optional.of(NOW.plus(Duration.ofDays(10))), decision.expiry());
    }

    @Test
    void theCasRenewalWindowRenewsOnceOpen() throws Exception {
        List<ServiceState> valid = List.of(state(FILES, NOW.plus(Duration.ofDays(60)), "example.com",
                "*.example.com"));
        RenewalWindow open = new RenewalWindow(NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(1)),
                Optional.empty(), Optional.empty());
        RenewDecision decision = decide(valid, false, Optional.of(open));
        assertTrue(decision.due());
        assertEquals("the CA's renewal information says renew between " + open.start() + " and " + open.end(),
                decision.reason());
        RenewalWindow later = new RenewalWindow(NOW.plus(Duration.ofDays(20)), NOW.plus(Duration.ofDays(22)),
                Optional.empty(), Optional.empty());
        assertFalse(decide(valid, false, Optional.of(later)).due());
    }
}
