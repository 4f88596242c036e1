package dev.policygen.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The XML on the wire, read raw: what clients that parse it themselves (acme.sh with sed, lego's
 * aws-sdk-go v1) depend on. Requests are signed by the SDK's signer, sent with the JDK HTTP client.
 */
class SandboxWireFormatTest {
    private static final String PATH = "/2013-04-01/hostedzone/" + SandboxClients.ZONE_ID + "/rrset/";
    private static Sandbox sandbox;
    private static Sandbox legacy;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxClients.start(Sandbox.builder());
        legacy = SandboxClients.start(Sandbox.builder().legacyInvalidChangeBatch(true));
    }

    @AfterAll
    static void stop() throws Exception {
        sandbox.close();
        legacy.close();
    }

    /** A batch as lego 4.9.1 sends it: elements out of documented order, quotes as &#34;, trailing dot. */
    private static String legoStyleBatch(String action, String name, String type, String value) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ChangeResourceRecordSetsRequest "
                + "xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"><ChangeBatch><Changes><Change>"
                + "<ResourceRecordSet><ResourceRecords><ResourceRecord><Value>" + value + "</Value></ResourceRecord>"
                + "</ResourceRecords><TTL>10</TTL><Type>" + type + "</Type><Name>" + name + "</Name>"
                + "</ResourceRecordSet><Action>" + action + "</Action></Change></Changes>"
                + "<Comment>Managed by Lego</Comment></ChangeBatch></ChangeResourceRecordSetsRequest>";
    }

    @Test
    void txtValuesComeBackQuotedWithEntityEscapedQuotesAndNamesWithTrailingDots() throws Exception {
        SandboxClients.Raw change = SandboxClients.signed(sandbox, "POST", PATH, Map.of(), legoStyleBatch("UPSERT",
                "_acme-challenge.WIRE.example.com.", "TXT", "&#34;a&lt;b&amp;c&#34;"));
        assertEquals(200, change.status(), change.body());
        assertTrue(change.body().contains("<ChangeResourceRecordSetsResponse xmlns=\"https://route53.amazonaws.com/doc/"
                + "2013-04-01/\"><ChangeInfo><Id>/change/C"), change.body());
        assertTrue(change.body().contains("<Status>PENDING</Status>"), change.body());
        assertTrue(change.body().contains("<Comment>Managed by Lego</Comment>"), change.body());

        SandboxClients.Raw list = SandboxClients.signed(sandbox, "GET", "/2013-04-01/hostedzone/"
                + SandboxClients.ZONE_ID + "/rrset", Map.of("name", "_acme-challenge.wire.example.com.", "type", "TXT",
                        "maxitems", "1"), null);
        assertEquals(200, list.status(), list.body());
        assertTrue(list.body().contains("<ResourceRecordSet><Name>_acme-challenge.wire.example.com.</Name><Type>TXT"
                + "</Type><TTL>10</TTL><ResourceRecords><ResourceRecord><Value>&quot;a&lt;b&amp;c&quot;</Value>"
                + "</ResourceRecord></ResourceRecords></ResourceRecordSet>"), list.body());
    }

    @Test
    void aWildcardNameComesBackAsOctalEscape() throws Exception {
        SandboxClients.Raw change = SandboxClients.signed(sandbox, "POST", PATH, Map.of(),
                legoStyleBatch("CREATE", "*.Example.com", "A", "192.0.2.7"));
        assertEquals(200, change.status(), change.body());
        SandboxClients.Raw list = SandboxClients.signed(sandbox, "GET", "/2013-04-01/hostedzone/"
                + SandboxClients.ZONE_ID + "/rrset", Map.of("name", "*.example.com", "type", "A"), null);
        assertTrue(list.body().contains("<Name>\\052.example.com.</Name><Type>A</Type>"), list.body());
    }

    @Test
    void invalidChangeBatchUsesTodaysEnvelopeOrTheLegacyRootElement() throws Exception {
        String batch = legoStyleBatch("DELETE", "absent.example.com", "TXT", "\"x\"");
        SandboxClients.Raw modern = SandboxClients.signed(sandbox, "POST", PATH, Map.of(), batch);
        assertEquals(400, modern.status());
        assertTrue(modern.body().contains("<ErrorResponse xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\">"
                + "<Error><Type>Sender</Type><Code>InvalidChangeBatch</Code><Message>[Tried to delete resource record "
                + "set [name='absent.example.com.', type='TXT'] but it was not found]</Message></Error><RequestId>"),
                modern.body());

        SandboxClients.Raw old = SandboxClients.signed(legacy, "POST", PATH, Map.of(), batch);
        assertEquals(400, old.status());
        assertTrue(old.body().contains("<InvalidChangeBatch xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\">"
                + "<Messages><Message>Tried to delete resource record set [name='absent.example.com.', type='TXT'] but "
                + "it was not found</Message></Messages><RequestId>"), old.body());
    }

    @Test
    void typeWithoutNameIsInvalidInput() throws Exception {
        SandboxClients.Raw list = SandboxClients.signed(sandbox, "GET", "/2013-04-01/hostedzone/"
                + SandboxClients.ZONE_ID + "/rrset", Map.of("type", "TXT"), null);
        assertEquals(400, list.status());
        assertTrue(list.body().contains("<Code>InvalidInput</Code>"), list.body());
    }

    @Test
    void malformedXmlIsInvalidInputAndADoctypeIsRefused() throws Exception {
        SandboxClients.Raw broken = SandboxClients.signed(sandbox, "POST", PATH, Map.of(), "<ChangeResourceRecordSets");
        assertEquals(400, broken.status());
        assertTrue(broken.body().contains("<Code>InvalidInput</Code>"), broken.body());
        SandboxClients.Raw doctype = SandboxClients.signed(sandbox, "POST", PATH, Map.of(), "<?xml version=\"1.0\"?>"
                + "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><ChangeResourceRecordSetsRequest>&e;"
                + "</ChangeResourceRecordSetsRequest>");
        assertEquals(400, doctype.status());
        assertTrue(!doctype.body().contains("root:"), doctype.body());
    }

    @Test
    void hostedZonesByNameEchoesItsParametersAndZoneIdsCarryTheirPrefix() throws Exception {
        SandboxClients.Raw byName = SandboxClients.signed(sandbox, "GET", "/2013-04-01/hostedzonesbyname",
                Map.of("dnsname", "example.com"), null);
        assertEquals(200, byName.status(), byName.body());
        assertTrue(byName.body().contains("<HostedZone><Id>/hostedzone/" + SandboxClients.ZONE_ID + "</Id><Name>"
                + "example.com.</Name>"), byName.body());
        assertTrue(byName.body().contains("<DNSName>example.com</DNSName><IsTruncated>false</IsTruncated>"),
                byName.body());
    }
}
