package dev.policygen.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policygen.AwsFailure;
import dev.policygen.renew.cloud.InstalledCertificate;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link SdkAcmCertificates} against canned ACM answers (JSON 1.1). */
class SdkAcmCertificatesTest extends CannedAwsTest {
    static final String ARN = SdkLoadBalancersTest.ACM_CERT;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode body(CannedAwsServer.Request request, String target) throws Exception {
        assertEquals("POST", request.method());
        assertEquals(Optional.of("CertificateManager." + target), request.header("X-Amz-Target"));
        assertTrue(request.header("Authorization").orElseThrow().contains("/eu-west-1/acm/"));
        return JSON.readTree(request.text());
    }

    private static String decoded(JsonNode node) {
        return new String(Base64.getDecoder().decode(node.asText()), StandardCharsets.UTF_8);
    }

    @Test
    void getReadsCertificateAndChain() throws Exception {
        server.json(200, "{\"Certificate\":" + JSON.writeValueAsString(SdkServerCertificatesTest.CERT)
                + ",\"CertificateChain\":" + JSON.writeValueAsString(SdkServerCertificatesTest.CHAIN) + "}");
        assertEquals(Optional.of(new InstalledCertificate(ARN, SdkServerCertificatesTest.CERT,
                SdkServerCertificatesTest.CHAIN)), aws.acm().get(ARN));
        assertEquals(ARN, body(server.single(), "GetCertificate").get("CertificateArn").asText());

        server.json(400, "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Could not find certificate " + ARN
                + ".\"}");
        assertEquals(Optional.empty(), aws.acm().get(ARN));

        server.json(400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
        AwsFailure throttled = assertThrows(AwsFailure.class, () -> aws.acm().get(ARN));
        assertEquals(AwsFailure.Kind.THROTTLED, throttled.kind());
        assertEquals(Optional.of("ThrottlingException"), throttled.code());
        assertEquals("ACM GetCertificate on " + ARN + ": ThrottlingException: Rate exceeded", throttled.getMessage());
    }

    @Test
    void importSendsPemAsBlobsIntoTheGivenArnOrANewOne() throws Exception {
        server.json(200, "{\"CertificateArn\":\"" + ARN + "\"}");
        assertEquals(ARN, aws.acm().importCertificate(Optional.of(ARN), SdkServerCertificatesTest.CERT,
                SdkServerCertificatesTest.KEY, SdkServerCertificatesTest.CHAIN));
        JsonNode sent = body(server.single(), "ImportCertificate");
        assertEquals(ARN, sent.get("CertificateArn").asText());
        assertEquals(SdkServerCertificatesTest.CERT, decoded(sent.get("Certificate")));
        assertEquals(SdkServerCertificatesTest.KEY, decoded(sent.get("PrivateKey")));
        assertEquals(SdkServerCertificatesTest.CHAIN, decoded(sent.get("CertificateChain")));

        server.json(200, "{\"CertificateArn\":\"" + ARN + "\"}");
        aws.acm().importCertificate(Optional.empty(), SdkServerCertificatesTest.CERT, SdkServerCertificatesTest.KEY, "");
        JsonNode fresh = body(server.requests().get(1), "ImportCertificate");
        assertFalse(fresh.has("CertificateArn"));
        assertFalse(fresh.has("CertificateChain"));

        server.json(400, "{\"__type\":\"AccessDeniedException\",\"message\":\"not authorized\"}");
        AwsFailure denied = assertThrows(AwsFailure.class, () -> aws.acm().importCertificate(Optional.empty(),
                SdkServerCertificatesTest.CERT, SdkServerCertificatesTest.KEY, ""));
        assertEquals(AwsFailure.Kind.ACCESS_DENIED, denied.kind());
        assertEquals("ACM ImportCertificate on a new certificate: AccessDeniedException: not authorized",
                denied.getMessage());
    }
}
