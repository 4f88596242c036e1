package dev.policygen.renew.acme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.renew.account.AccountKeyFile;
import dev.policygen.renew.account.AcmeFailure;
import dev.policygen.renew.config.KeyType;
import dev.policygen.renew.pace.Sleeper;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Login and renewal information against a scripted directory: ARI windows, rateLimited, a missing account. */
class AcmeClientStubTest {
    private static KeyPair accountKey;
    private static X509Certificate certificate;
    private static byte[] authorityKeyId;
    private final List<Duration> sleeps = new ArrayList<>();
    // records the waits instead of waiting; acme4j dates Retry-After by the real clock, so ours is too
    private final Sleeper sleeper = sleeps::add;

    @BeforeAll
    static void keysAndCertificate() throws Exception {
        accountKey = AccountKeyFile.generate(KeyType.EC_P256);
        KeyPair issuer = AccountKeyFile.generate(KeyType.EC_P256);
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        var authority = extensions.createAuthorityKeyIdentifier(issuer.getPublic());
        authorityKeyId = authority.getKeyIdentifier();
        Instant now = Instant.now();
        certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                new X500Name("CN=Stub Issuer"), new BigInteger("87654321abcdef", 16), Date.from(now),
                Date.from(now.plus(Duration.ofDays(90))), new X500Name("CN=example.test"), accountKey.getPublic())
                .addExtension(Extension.authorityKeyIdentifier, false, authority)
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
    }

    private AcmeClient login(StubAcmeServer stub) throws AcmeFailure {
        return AcmeClient.login(stub.directory(), Optional.empty(), accountKey, Clock.systemUTC(), sleeper);
    }

    @Test
    void readsTheSuggestedWindowAtTheCertificatesRfc9773Id() throws Exception {
        try (StubAcmeServer stub = new StubAcmeServer(true, true); AcmeClient client = login(stub)) {
            stub.answers.add(StubAcmeServer.Answer.window("2026-12-01T00:00:00Z", "2026-12-03T00:00:00Z", "21600"));
            Instant before = Instant.now();
            RenewalWindow window = client.renewalInfo(certificate).orElseThrow();

            assertEquals(Instant.parse("2026-12-01T00:00:00Z"), window.start());
            assertEquals(Instant.parse("2026-12-03T00:00:00Z"), window.end());
            assertEquals(Optional.of(new URL("https://ca.example/why")), window.explanation());
            Instant retry = window.retryAfter().orElseThrow();
            assertTrue(!retry.isBefore(before.plusSeconds(21599)) && retry.isBefore(Instant.now().plusSeconds(21601)),
                    retry.toString());
            assertEquals(List.of("/ari/" + certificateId()), stub.renewalInfoPaths);
            assertTrue(sleeps.isEmpty());
        }
    }

    @Test
    void noRenewalInfoInTheDirectoryMeansNoWindow() throws Exception {
        try (StubAcmeServer stub = new StubAcmeServer(false, true); AcmeClient client = login(stub)) {
            assertEquals(Optional.empty(), client.renewalInfo(certificate));
            assertTrue(stub.renewalInfoPaths.isEmpty());
        }
    }

    @Test
    void aNearRetryAfterIsWaitedOutOnce() throws Exception {
        try (StubAcmeServer stub = new StubAcmeServer(true, true); AcmeClient client = login(stub)) {
            stub.answers.add(StubAcmeServer.Answer.rateLimited("120"));
            stub.answers.add(StubAcmeServer.Answer.window("2026-12-01T00:00:00Z", "2026-12-03T00:00:00Z", null));
            assertTrue(client.renewalInfo(certificate).isPresent());
            assertEquals(2, stub.renewalInfoPaths.size());
            assertEquals(1, sleeps.size());
            assertTrue(sleeps.get(0).compareTo(Duration.ofSeconds(115)) > 0
                    && sleeps.get(0).compareTo(Duration.ofSeconds(120)) <= 0, sleeps.toString());
        }
    }

    @Test
    void aSecondRefusalFailsAfterOneWait() throws Exception {
        try (StubAcmeServer stub = new StubAcmeServer(true, true); AcmeClient client = login(stub)) {
            stub.answers.add(StubAcmeServer.Answer.rateLimited("1"));
            stub.answers.add(StubAcmeServer.Answer.rateLimited("1"));
            AcmeFailure failure = assertThrows(AcmeFailure.class, () -> client.renewalInfo(certificate));
            assertTrue(failure.getMessage().contains("the CA's rate limit: too many renewal information requests; "
                    + "retry after "), failure.getMessage());
            assertEquals(1, sleeps.size());
        }
    }

    @Test
    void aFarRetryAfterFailsWithItsTimeAndNoWait() throws Exception {
        try (StubAcmeServer stub = new StubAcmeServer(true, true); AcmeClient client = login(stub)) {
            stub.answers.add(StubAcmeServer.Answer.rateLimited("3600"));
            AcmeFailure failure = assertThrows(AcmeFailure.class, () -> client.renewalInfo(certificate));
            assertTrue(failure.getMessage().startsWith("cannot read the CA's renewal information for CN=example.test: "
                    + "the CA's rate limit: too many renewal information requests; retry after 20"), failure.getMessage());
            assertTrue(sleeps.isEmpty());
        }
    }

    @Test
    void aWindowEndingBeforeItStartsIsRefused() throws Exception {
        try (StubAcmeServer stub = new StubAcmeServer(true, true); AcmeClient client = login(stub)) {
            stub.answers.add(StubAcmeServer.Answer.window("2026-12-03T00:00:00Z", "2026-12-01T00:00:00Z", null));
            AcmeFailure failure = assertThrows(AcmeFailure.class, () -> client.renewalInfo(certificate));
            assertTrue(failure.getMessage().contains("renewal information"), failure.getMessage());
        }
    }

    @Test
    void anOrderNamesTheCertificateItReplaces() throws Exception {
        try (StubAcmeServer stub = new StubAcmeServer(true, true); AcmeClient client = login(stub)) {
            client.createOrder(replacing());
            assertEquals(1, stub.orderPayloads.size());
            assertTrue(stub.orderPayloads.get(0).contains("\"replaces\":\"" + certificateId() + "\""),
                    stub.orderPayloads.toString());
        }
    }

    @Test
    void anOrderAlreadyReplacedIsOrderedPlainly() throws Exception {
        try (StubAcmeServer stub = new StubAcmeServer(true, true); AcmeClient client = login(stub)) {
            stub.alreadyReplaced = true;
            client.createOrder(replacing());
            assertEquals(2, stub.orderPayloads.size());
            assertTrue(stub.orderPayloads.get(0).contains("\"replaces\""), stub.orderPayloads.toString());
            assertFalse(stub.orderPayloads.get(1).contains("\"replaces\""), stub.orderPayloads.toString());
        }
    }

    @Test
    void withoutRenewalInfoAnOrderNamesNoReplacedCertificate() throws Exception {
        try (StubAcmeServer stub = new StubAcmeServer(false, true); AcmeClient client = login(stub)) {
            client.createOrder(replacing());
            assertFalse(stub.orderPayloads.get(0).contains("\"replaces\""), stub.orderPayloads.toString());
        }
    }

    private static OrderRequest replacing() {
        return new OrderRequest(List.of("example.test"), KeyType.EC_P256, Optional.empty(), Optional.of(certificate));
    }

    /** RFC 9773 §4.1: base64url(AKI keyIdentifier) "." base64url(serial DER). */
    private static String certificateId() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return url.encodeToString(authorityKeyId) + "." + url.encodeToString(certificate.getSerialNumber().toByteArray());
    }

    @Test
    void aKeyWithoutAccountIsSentToRegister() throws Exception {
        try (StubAcmeServer stub = new StubAcmeServer(true, false)) {
            AcmeFailure failure = assertThrows(AcmeFailure.class, () -> login(stub));
            assertEquals("the ACME server " + stub.directory() + " has no account for this account key; "
                    + "create one with policygen register", failure.getMessage());
        }
    }

    @Test
    void anUnreachableServerSaysWhy() throws Exception {
        URI closed;
        try (StubAcmeServer stub = new StubAcmeServer(true, true)) {
            closed = stub.directory();
        }
        AcmeFailure failure = assertThrows(AcmeFailure.class,
                () -> AcmeClient.login(closed, Optional.empty(), accountKey, Clock.systemUTC(), sleeper));
        assertTrue(failure.getMessage().startsWith("cannot find the ACME account at " + closed + ": "),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("ConnectException"), failure.getMessage());
    }
}
