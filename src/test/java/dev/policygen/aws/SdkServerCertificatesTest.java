package dev.policygen.aws;

import dev.policygen.AwsFailure;
import dev.policygen.renew.cloud.InstalledCertificate;
import dev.policygen.renew.cloud.ServerCertificates;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link SdkServerCertificates} against canned IAM answers: the query-protocol wire and the mapping back. */
class SdkServerCertificatesTest extends CannedAwsTest {
    static final String NAME = "web-20261121T101500Z";
    static final String ARN = "arn:aws:iam::123456789012:server-certificate/" + NAME;
    static final String CERT = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    static final String CHAIN = "-----BEGIN CERTIFICATE-----\nMIIC\n-----END CERTIFICATE-----\n";
    static final String KEY = "-----BEGIN EC PRIVATE KEY-----\nMHcC\n-----END EC PRIVATE KEY-----\n";

    static String metadata(String name) {
        return "<ServerCertificateName>" + name + "</ServerCertificateName><Path>/</Path><Arn>"
                + "arn:aws:iam::123456789012:server-certificate/" + name + "</Arn>"
                + "<UploadDate>2026-11-21T10:15:00Z</UploadDate><ServerCertificateId>ASCAEXAMPLE</ServerCertificateId>"
                + "<Expiration>2027-02-19T10:14:59Z</Expiration>";
    }

    private static void assertQuery(CannedAwsServer.Request request, Map<String, String> form) {
        assertEquals("POST", request.method());
        assertEquals("/", request.path());
        assertEquals(form, request.form());
        assertTrue(request.header("Authorization").orElseThrow().contains("/us-east-1/iam/aws4_request"),
                "IAM is signed for us-east-1 whatever the region: " + request.header("Authorization"));
    }

    @Test
    void getReadsCertificateAndChain() throws Exception {
        server.xml(200, "<GetServerCertificateResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">"
                + "<GetServerCertificateResult><ServerCertificate><ServerCertificateMetadata>" + metadata(NAME)
                + "</ServerCertificateMetadata><CertificateBody>" + CERT + "</CertificateBody><CertificateChain>"
                + CHAIN + "</CertificateChain></ServerCertificate></GetServerCertificateResult>"
                + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetServerCertificateResponse>");
        assertEquals(Optional.of(new InstalledCertificate(ARN, CERT, CHAIN)), aws.serverCertificates().get(NAME));
        assertQuery(server.single(), Map.of("Action", "GetServerCertificate", "Version", "2010-05-08",
                "ServerCertificateName", NAME));
        assertEquals(1, aws.clientsBuilt());
    }

    @Test
    void noSuchEntityIsEmptyAndOtherErrorsFail() throws Exception {
        server.queryError(404, "NoSuchEntity", "The Server Certificate with name " + NAME + " cannot be found.");
        assertEquals(Optional.empty(), aws.serverCertificates().get(NAME));

        server.queryError(403, "AccessDenied", "User: arn:aws:iam::123456789012:user/ops is not authorized");
        AwsFailure denied = assertThrows(AwsFailure.class, () -> aws.serverCertificates().get(NAME));
        assertEquals(AwsFailure.Kind.ACCESS_DENIED, denied.kind());
        assertEquals(Optional.of("AccessDenied"), denied.code());
        assertEquals(403, denied.status());
        assertEquals("IAM GetServerCertificate on server-certificate/" + NAME + ": AccessDenied: User: "
                + "arn:aws:iam::123456789012:user/ops is not authorized", denied.getMessage());

        server.queryError(400, "Throttling", "Rate exceeded");
        AwsFailure throttled = assertThrows(AwsFailure.class, () -> aws.serverCertificates().delete(NAME));
        assertEquals(AwsFailure.Kind.THROTTLED, throttled.kind());
        assertTrue(throttled.retryable());

        server.queryError(404, "NoSuchEntity", "gone");
        AwsFailure missing = assertThrows(AwsFailure.class, () -> aws.serverCertificates().delete(NAME));
        assertEquals(AwsFailure.Kind.NOT_FOUND, missing.kind());
        assertFalse(missing.retryable());
        assertEquals(4, server.requests().size(), "no SDK retries");
    }

    @Test
    void listFollowsTheMarkerOneRequestPerPage() throws Exception {
        server.xml(200, "<ListServerCertificatesResponse><ListServerCertificatesResult><IsTruncated>true</IsTruncated>"
                + "<Marker>page2</Marker><ServerCertificateMetadataList><member>" + metadata("web-a")
                + "</member></ServerCertificateMetadataList></ListServerCertificatesResult>"
                + "</ListServerCertificatesResponse>");
        server.xml(200, "<ListServerCertificatesResponse><ListServerCertificatesResult><IsTruncated>false</IsTruncated>"
                + "<ServerCertificateMetadataList><member>" + metadata("web-b")
                + "</member></ServerCertificateMetadataList></ListServerCertificatesResult>"
                + "</ListServerCertificatesResponse>");
        List<ServerCertificates.Metadata> all = aws.serverCertificates().list();
        assertEquals(List.of(new ServerCertificates.Metadata("web-a", "arn:aws:iam::123456789012:server-certificate/web-a",
                "/", Instant.parse("2027-02-19T10:14:59Z"), Instant.parse("2026-11-21T10:15:00Z")),
                new ServerCertificates.Metadata("web-b", "arn:aws:iam::123456789012:server-certificate/web-b",
                "/", Instant.parse("2027-02-19T10:14:59Z"), Instant.parse("2026-11-21T10:15:00Z"))), all);
        assertEquals(2, server.requests().size());
        assertQuery(server.requests().get(0), Map.of("Action", "ListServerCertificates", "Version", "2010-05-08",
                "MaxItems", "1000"));
        assertQuery(server.requests().get(1), Map.of("Action", "ListServerCertificates", "Version", "2010-05-08",
                "MaxItems", "1000", "Marker", "page2"));
    }

    @Test
    void uploadSendsPathBodyKeyAndChainAndDeleteSendsTheName() throws Exception {
        server.xml(200, "<UploadServerCertificateResponse><UploadServerCertificateResult><ServerCertificateMetadata>"
                + metadata(NAME) + "</ServerCertificateMetadata></UploadServerCertificateResult>"
                + "</UploadServerCertificateResponse>");
        ServerCertificates.Metadata uploaded = aws.serverCertificates().upload(NAME, CERT, KEY, CHAIN);
        assertEquals(new ServerCertificates.Metadata(NAME, ARN, "/", Instant.parse("2027-02-19T10:14:59Z"),
                Instant.parse("2026-11-21T10:15:00Z")), uploaded);
        assertQuery(server.single(), Map.of("Action", "UploadServerCertificate", "Version", "2010-05-08",
                "Path", "/", "ServerCertificateName", NAME, "CertificateBody", CERT, "PrivateKey", KEY,
                "CertificateChain", CHAIN));

        server.xml(200, "<DeleteServerCertificateResponse><ResponseMetadata><RequestId>r</RequestId>"
                + "</ResponseMetadata></DeleteServerCertificateResponse>");
        aws.serverCertificates().delete(NAME);
        assertQuery(server.requests().get(1), Map.of("Action", "DeleteServerCertificate", "Version", "2010-05-08",
                "ServerCertificateName", NAME));
    }
}
