package dev.policygen.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.InputException;
import dev.policygen.route53.RecordChange;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The two readers behind explain: AWS's message inside a client's wrapping, and CloudTrail's shapes. */
class ExplainInputTest {
    private static final String MESSAGE = "User: arn:aws:iam::111122223333:user/u is not authorized to perform: "
            + "route53:ChangeResourceRecordSets on resource: arn:aws:route53:::hostedzone/Z1ABC";

    @Test
    void findsTheMessageInsideJsonEscapingAndSentencePunctuation() throws Exception {
        List<DeniedRequest> found = ExplainInput.read("{\"status\": {\"reason\": \"" + MESSAGE + ".\"}}", "k8s.json");
        assertEquals(1, found.size());
        assertEquals(Optional.of("arn:aws:route53:::hostedzone/Z1ABC"), found.get(0).resource());
        assertEquals(Optional.of("Z1ABC"), found.get(0).zoneId());
        assertEquals(Optional.of("arn:aws:iam::111122223333:user/u"), found.get(0).principal());
    }

    @Test
    void theSameMessageTwiceIsOneRequest() throws Exception {
        assertEquals(1, ExplainInput.read(MESSAGE + "\nretrying\n" + MESSAGE + "\n", "log").size());
    }

    @Test
    void aHostedZoneArnWithoutAZoneIdLeavesTheZoneUnknown() throws Exception {
        DeniedRequest request = ExplainInput.read(MESSAGE.replace("Z1ABC", "z1abc"), "log").get(0);
        assertEquals(Optional.empty(), request.zoneId());
    }

    @Test
    void readsTheChangeBatchOfARecordNormalizingNames() throws Exception {
        String record = "{\"eventSource\": \"route53.amazonaws.com\", \"eventName\": \"ChangeResourceRecordSets\","
                + " \"sourceIPAddress\": \"2001:db8::7\", \"requestParameters\": {\"hostedZoneId\": \"/hostedzone/Z1ABC\","
                + " \"changeBatch\": {\"changes\": [{\"action\": \"delete\", \"resourceRecordSet\":"
                + " {\"name\": \"_ACME-challenge.Example.COM.\", \"type\": \"txt\", \"tTL\": 60}}]}}}";
        DeniedRequest request = ExplainInput.read(record, "r.json").get(0);
        assertEquals("route53:ChangeResourceRecordSets", request.action());
        assertEquals(Optional.of("Z1ABC"), request.zoneId());
        assertEquals(Optional.of("2001:db8::7"), request.sourceIp());
        assertEquals(List.of(new RecordChange("DELETE", "TXT", "_acme-challenge.example.com")), request.changes());
        assertTrue(request.recordsKnown());
    }

    @Test
    void aServiceAsSourceIsNoAddressAndGetChangeNamesAChange() throws Exception {
        String record = "{\"eventSource\": \"route53.amazonaws.com\", \"eventName\": \"GetChange\","
                + " \"sourceIPAddress\": \"cloudformation.amazonaws.com\", \"requestParameters\": {\"id\": \"/change/C2XYZ\"}}";
        DeniedRequest request = ExplainInput.read(record, "r.json").get(0);
        assertEquals(Optional.of("arn:aws:route53:::change/C2XYZ"), request.resource());
        assertEquals(Optional.empty(), request.zoneId());
        assertEquals(Optional.empty(), request.sourceIp());
    }

    @Test
    void badInputsAreOneLineNamingWhatWasExpected() {
        InputException empty = assertThrows(InputException.class, () -> ExplainInput.read("  \n", "in.txt"));
        assertTrue(empty.getMessage().startsWith("empty input; expected an AccessDenied error text"), empty.getMessage());
        InputException notRecord = assertThrows(InputException.class,
                () -> ExplainInput.read("{\"Records\": [{\"x\": 1}]}", "in.json"));
        assertTrue(notRecord.getMessage().startsWith("expected a CloudTrail record"), notRecord.getMessage());
        InputException badChange = assertThrows(InputException.class, () -> ExplainInput.read(
                "{\"eventName\": \"ChangeResourceRecordSets\", \"requestParameters\": {\"hostedZoneId\": \"Z1\","
                        + " \"changeBatch\": {\"changes\": [{\"action\": \"UPSERT\"}]}}}", "in.json"));
        assertEquals("expected a change with action and resourceRecordSet.name and .type", badChange.getMessage());
        InputException badZone = assertThrows(InputException.class, () -> ExplainInput.read(
                "{\"eventName\": \"ChangeResourceRecordSets\", \"requestParameters\": {\"hostedZoneId\": \"nope\"}}",
                "in.json"));
        assertTrue(badZone.getMessage().contains("malformed hosted zone id \"nope\""), badZone.getMessage());
        InputException lookupEvents = assertThrows(InputException.class,
                () -> ExplainInput.read("{\"Events\": [{\"EventName\": \"GetChange\"}]}", "in.json"));
        assertTrue(lookupEvents.getMessage().startsWith("expected Events[].CloudTrailEvent"), lookupEvents.getMessage());
    }

    @Test
    void anUnknownPartitionIsBadInputNotAUsageError() throws Exception {
        List<DeniedRequest> requests = ExplainInput.read(MESSAGE.replace("arn:aws:route53", "arn:aws-moon:route53"), "log");
        InputException bad = assertThrows(InputException.class,
                () -> new Explainer(List.of(), Optional.empty()).explain(requests));
        assertTrue(bad.getMessage().startsWith("resource arn:aws-moon:route53:::hostedzone/Z1ABC: "), bad.getMessage());
    }

    @Test
    void theClientComesFromTheOptionThenTheUserAgent() {
        assertEquals("caddy", ClientGuess.of(Optional.of("caddy"), Optional.of("certbot/2.1")).client());
        assertEquals("cert-manager", ClientGuess.of(Optional.empty(),
                Optional.of("aws-sdk-go/1.44.1 (go1.20; linux; amd64) cert-manager/v1.12.0")).client());
        assertEquals("lego", ClientGuess.of(Optional.empty(), Optional.of("aws-sdk-go-v2/1.17.3 os/linux")).client());
        assertEquals("certbot", ClientGuess.of(Optional.empty(), Optional.of("Boto3/1.26.27 Botocore/1.29.27")).client());
        ClientGuess cli = ClientGuess.of(Optional.empty(), Optional.of("aws-cli/2.9.0 Python/3.9 botocore/2.4.5"));
        assertTrue(cli.how().contains("the AWS CLI, not an ACME client"), cli.how());
        assertTrue(ClientGuess.of(Optional.empty(), Optional.empty()).how().contains("pass --client"));
    }
}
