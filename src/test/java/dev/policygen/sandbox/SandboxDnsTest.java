package dev.policygen.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;

/** dnsjava's resolver against the sandbox's DNS port, over UDP and TCP, after changes made by the SDK. */
class SandboxDnsTest {
    private static Sandbox sandbox;
    private static Route53Client route53;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxClients.start(Sandbox.builder());
        route53 = SandboxClients.plain(sandbox);
    }

    @AfterAll
    static void stop() throws Exception {
        route53.close();
        sandbox.close();
    }

    private static Message query(String name, int type, boolean tcp) throws Exception {
        SimpleResolver resolver = new SimpleResolver("127.0.0.1");
        resolver.setPort(sandbox.ports().dns());
        resolver.setTCP(tcp);
        resolver.setTimeout(Duration.ofSeconds(5));
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)));
    }

    @Test
    void aTxtRecordIsServedAfterTheChange() throws Exception {
        SandboxSdkTest.change(route53, SandboxClients.ZONE_ID, ChangeAction.UPSERT,
                SandboxSdkTest.txt("_acme-challenge.dns.example.com", 10, "\"token-1\"", "\"two\" \"strings\""));
        for (boolean tcp : List.of(false, true)) {
            Message answer = query("_acme-challenge.dns.example.com.", Type.TXT, tcp);
            assertEquals(Rcode.NOERROR, answer.getRcode());
            assertTrue(answer.getHeader().getFlag(Flags.AA), "authoritative");
            List<Record> records = answer.getSection(Section.ANSWER);
            assertEquals(2, records.size(), answer.toString());
            List<List<String>> strings = records.stream().map(r -> ((TXTRecord) r).getStrings()).toList();
            assertTrue(strings.contains(List.of("token-1")), strings.toString());
            assertTrue(strings.contains(List.of("two", "strings")), strings.toString());
            assertEquals(10, records.get(0).getTTL());
        }
    }

    @Test
    void soaForANameInsideTheZoneIsNodataWithTheSoaInAuthority() throws Exception {
        Message apex = query("example.com.", Type.SOA, false);
        assertEquals(Rcode.NOERROR, apex.getRcode());
        assertEquals(Type.SOA, apex.getSection(Section.ANSWER).get(0).getType());

        SandboxSdkTest.change(route53, SandboxClients.ZONE_ID, ChangeAction.UPSERT,
                SandboxSdkTest.txt("_acme-challenge.www.example.com", 10, "\"t\""));
        Message below = query("_acme-challenge.www.example.com.", Type.SOA, false);
        assertEquals(Rcode.NOERROR, below.getRcode(), "lego's SOA walk needs NOERROR or NXDOMAIN, never NOTIMP");
        assertTrue(below.getSection(Section.ANSWER).isEmpty());
        SOARecord soa = (SOARecord) below.getSection(Section.AUTHORITY).get(0);
        assertEquals(Name.fromString("example.com."), soa.getName());
        Message emptyNonTerminal = query("www.example.com.", Type.SOA, false);
        assertEquals(Rcode.NOERROR, emptyNonTerminal.getRcode(), "a name with names below it exists");
    }

    @Test
    void unknownNamesAreNxdomain() throws Exception {
        Message inZone = query("nothing.example.com.", Type.TXT, false);
        assertEquals(Rcode.NXDOMAIN, inZone.getRcode());
        assertEquals(Type.SOA, inZone.getSection(Section.AUTHORITY).get(0).getType());
        Message outside = query("example.net.", Type.SOA, true);
        assertEquals(Rcode.NXDOMAIN, outside.getRcode());
        assertTrue(outside.getSection(Section.AUTHORITY).isEmpty());
    }

    @Test
    void cnamesAreFollowedInsideTheZone() throws Exception {
        SandboxSdkTest.change(route53, SandboxClients.ZONE_ID, ChangeAction.UPSERT,
                SandboxSdkTest.txt("_acme-challenge.target.example.com", 10, "\"delegated\""));
        SandboxSdkTest.change(route53, SandboxClients.ZONE_ID, ChangeAction.UPSERT,
                software.amazon.awssdk.services.route53.model.ResourceRecordSet.builder()
                        .name("_acme-challenge.alias.example.com").type("CNAME").ttl(10L)
                        .resourceRecords(r -> r.value("_acme-challenge.target.example.com")).build());
        Message answer = query("_acme-challenge.alias.example.com.", Type.TXT, false);
        List<Record> records = answer.getSection(Section.ANSWER);
        assertEquals(Type.CNAME, records.get(0).getType());
        assertEquals(List.of("delegated"), ((TXTRecord) records.get(1)).getStrings());
    }

    @Test
    void cnamesAreFollowedIntoAnotherSandboxZone() throws Exception {
        SandboxSdkTest.change(route53, SandboxClients.OTHER_ZONE_ID, ChangeAction.UPSERT,
                SandboxSdkTest.txt("_acme-challenge.delegated.example.org", 10, "\"elsewhere\""));
        SandboxSdkTest.change(route53, SandboxClients.ZONE_ID, ChangeAction.UPSERT,
                software.amazon.awssdk.services.route53.model.ResourceRecordSet.builder()
                        .name("_acme-challenge.delegating.example.com").type("CNAME").ttl(10L)
                        .resourceRecords(r -> r.value("_acme-challenge.delegated.example.org")).build());
        Message answer = query("_acme-challenge.delegating.example.com.", Type.TXT, false);
        List<Record> records = answer.getSection(Section.ANSWER);
        assertEquals(2, records.size(), answer.toString());
        assertEquals(Type.CNAME, records.get(0).getType());
        assertEquals(Name.fromString("_acme-challenge.delegated.example.org."), records.get(1).getName());
        assertEquals(List.of("elsewhere"), ((TXTRecord) records.get(1)).getStrings());
    }

    @Test
    void aWildcardAnswersForNamesThatDoNotExist() throws Exception {
        SandboxSdkTest.change(route53, SandboxClients.OTHER_ZONE_ID, ChangeAction.UPSERT,
                SandboxSdkTest.txt("*.wild.example.org", 10, "\"any\""));
        Message covered = query("anything.wild.example.org.", Type.TXT, false);
        assertEquals(Rcode.NOERROR, covered.getRcode());
        Record record = covered.getSection(Section.ANSWER).get(0);
        assertEquals(Name.fromString("anything.wild.example.org."), record.getName());
        assertEquals(List.of("any"), ((TXTRecord) record).getStrings());
        assertEquals(Rcode.NXDOMAIN, query("anything.example.org.", Type.TXT, false).getRcode(),
                "the wildcard covers only names below wild.example.org");
    }
}
