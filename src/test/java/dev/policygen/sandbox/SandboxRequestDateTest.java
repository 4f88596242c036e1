package dev.policygen.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.testing.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 16: a request dated more than 15 minutes from the sandbox's clock is refused as each
 * service refuses it on AWS, whatever the protocol. Requests are signed now by the SDK's signer; the
 * sandbox's clock is moved instead, so no real time passes.
 */
class SandboxRequestDateTest {
    private static final String ROUTE53 = "/2013-04-01/hostedzone";
    private FakeClock clock;
    private Sandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        clock = new FakeClock(Instant.now());
        sandbox = SandboxClients.start(Sandbox.builder().clock(clock));
    }

    @AfterEach
    void stop() throws Exception {
        sandbox.close();
    }

    private SandboxClients.Raw route53() throws Exception {
        return SandboxClients.signed(sandbox, "GET", ROUTE53, Map.of(), null);
    }

    @Test
    void acceptsARequestWithinFifteenMinutesEitherWay() throws Exception {
        // requests are signed on the real clock, which runs on: 14 minutes ahead only gets nearer, so the
        // behind side is 10 minutes, leaving five of real time before a request would be refused
        clock.advance(Duration.ofMinutes(14));
        assertEquals(200, route53().status());
        clock.advance(Duration.ofMinutes(-24));
        assertEquals(200, route53().status());
    }

    @Test
    void route53RefusesAnExpiredAndAFutureSignatureAsAwsWordsIt() throws Exception {
        // 30 minutes ahead: the request stays expired for 15 minutes of real time; 16 behind stays future
        clock.advance(Duration.ofMinutes(30));
        SandboxClients.Raw expired = route53();
        assertEquals(403, expired.status(), expired.body());
        assertTrue(expired.body().contains("<Code>SignatureDoesNotMatch</Code>"), expired.body());
        assertTrue(expired.body().matches("(?s).*<Message>Signature expired: \\d{8}T\\d{6}Z is now earlier than "
                + "\\d{8}T\\d{6}Z \\(\\d{8}T\\d{6}Z - 15 min\\.\\)</Message>.*"), expired.body());

        clock.advance(Duration.ofMinutes(-46));
        SandboxClients.Raw early = route53();
        assertEquals(403, early.status(), early.body());
        assertTrue(early.body().matches("(?s).*<Message>Signature not yet current: \\d{8}T\\d{6}Z is still later "
                + "than \\d{8}T\\d{6}Z \\(\\d{8}T\\d{6}Z \\+ 15 min\\.\\)</Message>.*"), early.body());
    }

    @Test
    void queryJsonAndS3ProtocolsRefuseAStaleRequestInTheirOwnWords() throws Exception {
        // 30 minutes ahead: the requests, signed on the real clock, stay stale for 15 minutes of real time
        clock.advance(Duration.ofMinutes(30));
        SandboxClients.Raw iam = SandboxClients.signed(sandbox, "iam",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "POST", "/", Map.of(),
                "Action=ListServerCertificates&Version=2010-05-08");
        assertEquals(403, iam.status(), iam.body());
        assertTrue(iam.body().contains("<Code>SignatureDoesNotMatch</Code><Message>Signature expired: "), iam.body());

        SandboxClients.Raw acm = SandboxClients.signed(sandbox, "acm",
                Map.of("Content-Type", "application/x-amz-json-1.1", "X-Amz-Target",
                        "CertificateManager.ListCertificates"), "POST", "/", Map.of(), "{}");
        assertTrue(acm.body().contains("\"__type\":\"InvalidSignatureException\""), acm.body());
        assertTrue(acm.body().contains("\"message\":\"Signature expired: "), acm.body());

        SandboxClients.Raw s3 = SandboxClients.signed(sandbox, "s3",
                Map.of("x-amz-content-sha256", "UNSIGNED-PAYLOAD"), "GET", "/some-bucket/key", Map.of(), null);
        assertEquals(403, s3.status(), s3.body());
        assertTrue(s3.body().contains("<Code>RequestTimeTooSkewed</Code><Message>The difference between the request "
                + "time and the current time is too large.</Message><RequestTime>"), s3.body());
        assertTrue(s3.body().contains("<MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>"), s3.body());
    }
}
