package dev.policygen.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.policygen.model.PolicyDocument;
import dev.policygen.model.PolicyWriter;
import dev.policygen.model.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Statements for observed calls: grouping, order, Sids and resources as generate would write them. */
class CallStatementsTest {
    private static final String ZONE_A = "arn:aws:route53:::hostedzone/Z0AAAA";
    private static final String ZONE_B = "arn:aws:route53:::hostedzone/Z0BBBB";

    private static CallStatements.Call call(String action, String resource) {
        return new CallStatements.Call(action, resource, List.of(), List.of(), List.of());
    }

    private static CallStatements.Call change(String zone, String name, String type, String action) {
        return new CallStatements.Call("route53:ChangeResourceRecordSets", zone, List.of(name), List.of(type),
                List.of(action));
    }

    @Test
    void callsGroupByPurposeInGenerateOrder() {
        List<Statement> statements = CallStatements.forCalls(List.of(
                call("s3:GetObject", "arn:aws:s3:::bucket/key"),
                call("route53:GetChange", "arn:aws:route53:::change/C1"),
                change(ZONE_B, "_acme-challenge.b.test", "TXT", "UPSERT"),
                change(ZONE_A, "_acme-challenge.a.test", "TXT", "UPSERT"),
                change(ZONE_A, "_acme-challenge.www.a.test", "TXT", "DELETE"),
                call("route53:ListResourceRecordSets", ZONE_B),
                call("route53:GetHostedZone", ZONE_A),
                call("route53:ListHostedZonesByName", "*"),
                call("route53:ListHostedZones", "*"),
                call("route53:GetChange", "arn:aws:route53:::change/C2")));
        assertEquals(List.of("DiscoverHostedZones", "ReadChallengeRecordSets", "ChangeChallengeRecordsZ0AAAA",
                "ChangeChallengeRecordsZ0BBBB", "WaitForChanges", "S3GetObject"),
                statements.stream().map(s -> s.sid().orElseThrow()).toList());
        assertEquals(List.of("route53:ListHostedZones", "route53:ListHostedZonesByName"),
                statements.get(0).actions().texts());
        assertEquals(List.of(ZONE_A, ZONE_B), statements.get(1).resources().texts());
        assertEquals(List.of("arn:aws:route53:::change/*"), statements.get(4).resources().texts());
        assertEquals(List.of("arn:aws:s3:::bucket/key"), statements.get(5).resources().texts());
        String zoneA = PolicyWriter.minified(PolicyDocument.of(List.of(statements.get(2))));
        assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ChangeChallengeRecordsZ0AAAA\","
                + "\"Effect\":\"Allow\",\"Action\":[\"route53:ChangeResourceRecordSets\"],\"Resource\":[\"" + ZONE_A
                + "\"],\"Condition\":{\"ForAllValues:StringEquals\":{\"route53:ChangeResourceRecordSetsActions\":"
                + "[\"DELETE\",\"UPSERT\"],\"route53:ChangeResourceRecordSetsNormalizedRecordNames\":"
                + "[\"_acme-challenge.a.test\",\"_acme-challenge.www.a.test\"],"
                + "\"route53:ChangeResourceRecordSetsRecordTypes\":[\"TXT\"]}}}]}", zoneA);
    }

    @Test
    void aRoute53CallOnAForeignResourceIsADefect() {
        assertThrows(IllegalArgumentException.class, () -> CallStatements.forCalls(List.of(
                change("arn:aws:s3:::bucket", "_acme-challenge.a.test", "TXT", "UPSERT"))));
        assertEquals("Route53GetDNSSEC", CallStatements.extraSid("route53:GetDNSSEC"));
    }
}
