package dev.policygen.sandbox;

import dev.policygen.testing.FakeClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeInfo;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.GetHostedZoneResponse;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.InvalidChangeBatchException;
import software.amazon.awssdk.services.route53.model.InvalidInputException;
import software.amazon.awssdk.services.route53.model.ListHostedZonesByNameResponse;
import software.amazon.awssdk.services.route53.model.ListHostedZonesResponse;
import software.amazon.awssdk.services.route53.model.ListResourceRecordSetsResponse;
import software.amazon.awssdk.services.route53.model.NoSuchHostedZoneException;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.Route53Exception;

/** The real AWS SDK for Java v2 against the sandbox's plain-HTTP API port. */
class SandboxSdkTest {
    private static final FakeClock CLOCK = new FakeClock(Instant.now());
    private static Sandbox sandbox;
    private static Route53Client route53;

    @BeforeAll
    static void start() throws Exception {
        sandbox = SandboxClients.start(Sandbox.builder().insyncDelay(Duration.ofMillis(300)).clock(CLOCK));
        route53 = SandboxClients.plain(sandbox);
    }

    @AfterAll
    static void stop() throws Exception {
        route53.close();
        sandbox.close();
    }

    static ResourceRecordSet txt(String name, long ttl, String... values) {
        List<ResourceRecord> records = new ArrayList<>();
        for (String value : values) {
            records.add(ResourceRecord.builder().value(value).build());
        }
        return ResourceRecordSet.builder().name(name).type(RRType.TXT).ttl(ttl).resourceRecords(records).build();
    }

    static ChangeInfo change(Route53Client client, String zone, ChangeAction action, ResourceRecordSet set) {
        return client.changeResourceRecordSets(r -> r.hostedZoneId(zone).changeBatch(b -> b.comment("test")
                .changes(Change.builder().action(action).resourceRecordSet(set).build()))).changeInfo();
    }

    private static List<ResourceRecordSet> setsNamed(String zone, String name) {
        List<ResourceRecordSet> found = new ArrayList<>();
        for (ResourceRecordSet set : route53.listResourceRecordSets(r -> r.hostedZoneId(zone)).resourceRecordSets()) {
            if (set.name().equals(name)) {
                found.add(set);
            }
        }
        return found;
    }

    @Test
    void listsAndGetsZones() {
        ListHostedZonesResponse zones = route53.listHostedZones();
        // the SDK strips the /hostedzone/ prefix the wire carries (its Route53IdInterceptor)
        assertEquals(List.of(SandboxClients.ZONE_ID, SandboxClients.OTHER_ZONE_ID),
                zones.hostedZones().stream().map(HostedZone::id).toList());
        assertEquals("example.com.", zones.hostedZones().get(0).name());
        assertFalse(zones.isTruncated());

        ListHostedZonesByNameResponse byName = route53.listHostedZonesByName(r -> r.dnsName("example.com"));
        assertEquals("example.com.", byName.hostedZones().get(0).name());
        assertEquals("example.org.", byName.hostedZones().get(1).name(), "by name starts at, not filters by, dnsname");

        GetHostedZoneResponse zone = route53.getHostedZone(r -> r.id(SandboxClients.ZONE_ID));
        assertEquals("example.com.", zone.hostedZone().name());
        assertFalse(zone.hostedZone().config().privateZone());
        assertEquals(2, zone.delegationSet().nameServers().size());

        assertThrows(NoSuchHostedZoneException.class, () -> route53.getHostedZone(r -> r.id("Z0NOSUCHZONE")));
    }

    @Test
    void paginatesZones() {
        ListHostedZonesResponse first = route53.listHostedZones(r -> r.maxItems("1"));
        assertTrue(first.isTruncated());
        assertEquals(1, first.hostedZones().size());
        assertEquals(SandboxClients.OTHER_ZONE_ID, first.nextMarker());
        ListHostedZonesResponse second = route53.listHostedZones(r -> r.maxItems("1").marker(first.nextMarker()));
        assertFalse(second.isTruncated());
        assertEquals("example.org.", second.hostedZones().get(0).name());

        ListHostedZonesByNameResponse byName = route53.listHostedZonesByName(r -> r.maxItems("1"));
        assertTrue(byName.isTruncated());
        assertEquals("example.org.", byName.nextDNSName());
        assertEquals(SandboxClients.OTHER_ZONE_ID, byName.nextHostedZoneId());
    }

    @Test
    void upsertThenListShowsTheSetWithTrailingDotAndQuotes() {
        change(route53, SandboxClients.ZONE_ID, ChangeAction.UPSERT, txt("_acme-challenge.Upsert.example.com", 10,
                "\"first\""));
        change(route53, SandboxClients.ZONE_ID, ChangeAction.UPSERT, txt("_acme-challenge.upsert.example.com.", 10,
                "\"first\"", "\"second\""));
        List<ResourceRecordSet> sets = setsNamed(SandboxClients.ZONE_ID, "_acme-challenge.upsert.example.com.");
        assertEquals(1, sets.size(), "two spellings of one name are one set");
        assertEquals(List.of("\"first\"", "\"second\""),
                sets.get(0).resourceRecords().stream().map(ResourceRecord::value).toList());
        assertEquals(10L, sets.get(0).ttl());
    }

    @Test
    void createFailsOnAnExistingSetAndDeleteMustMatchValuesAndTtl() {
        String name = "_acme-challenge.strict.example.com.";
        change(route53, SandboxClients.ZONE_ID, ChangeAction.CREATE, txt(name, 60, "\"a\"", "\"b\""));

        InvalidChangeBatchException exists = assertThrows(InvalidChangeBatchException.class,
                () -> change(route53, SandboxClients.ZONE_ID, ChangeAction.CREATE, txt(name, 60, "\"c\"")));
        assertEquals("[Tried to create resource record set [name='" + name + "', type='TXT'] but it already exists]",
                exists.awsErrorDetails().errorMessage());

        InvalidChangeBatchException wrongValues = assertThrows(InvalidChangeBatchException.class,
                () -> change(route53, SandboxClients.ZONE_ID, ChangeAction.DELETE, txt(name, 60, "\"a\"")));
        assertEquals("[Tried to delete resource record set [name='" + name + "', type='TXT'] but the values provided "
                + "do not match the current values]", wrongValues.awsErrorDetails().errorMessage());
        assertThrows(InvalidChangeBatchException.class,
                () -> change(route53, SandboxClients.ZONE_ID, ChangeAction.DELETE, txt(name, 300, "\"a\"", "\"b\"")),
                "the TTL must match too");

        change(route53, SandboxClients.ZONE_ID, ChangeAction.DELETE, txt(name, 60, "\"b\"", "\"a\""));
        assertTrue(setsNamed(SandboxClients.ZONE_ID, name).isEmpty());

        InvalidChangeBatchException missing = assertThrows(InvalidChangeBatchException.class,
                () -> change(route53, SandboxClients.ZONE_ID, ChangeAction.DELETE, txt(name, 60, "\"a\"")));
        assertEquals("[Tried to delete resource record set [name='" + name + "', type='TXT'] but it was not found]",
                missing.awsErrorDetails().errorMessage());
    }

    @Test
    void aBatchIsAllOrNothing() {
        String kept = "_acme-challenge.atomic.example.com.";
        Route53Exception failure = assertThrows(InvalidChangeBatchException.class, () ->
                route53.changeResourceRecordSets(r -> r.hostedZoneId(SandboxClients.ZONE_ID).changeBatch(b -> b.changes(
                        Change.builder().action(ChangeAction.CREATE).resourceRecordSet(txt(kept, 60, "\"x\"")).build(),
                        Change.builder().action(ChangeAction.DELETE)
                                .resourceRecordSet(txt("nothing-here.example.com", 60, "\"y\"")).build()))));
        assertEquals(400, failure.statusCode());
        assertTrue(setsNamed(SandboxClients.ZONE_ID, kept).isEmpty(), "the valid first change was not applied");
    }

    @Test
    void simpleAndMultivalueSetsCannotShareNameAndType() {
        String name = "multi.example.com.";
        ResourceRecordSet multi = ResourceRecordSet.builder().name(name).type(RRType.A).ttl(60L).setIdentifier("one")
                .multiValueAnswer(true).resourceRecords(ResourceRecord.builder().value("192.0.2.1").build()).build();
        change(route53, SandboxClients.ZONE_ID, ChangeAction.CREATE, multi);
        ResourceRecordSet simple = ResourceRecordSet.builder().name(name).type(RRType.A).ttl(60L)
                .resourceRecords(ResourceRecord.builder().value("192.0.2.2").build()).build();
        assertThrows(InvalidChangeBatchException.class,
                () -> change(route53, SandboxClients.ZONE_ID, ChangeAction.CREATE, simple));
        ResourceRecordSet listed = setsNamed(SandboxClients.ZONE_ID, name).get(0);
        assertEquals("one", listed.setIdentifier());
        assertTrue(listed.multiValueAnswer());
    }

    @Test
    void anUnquotedTxtValueIsRefused() {
        InvalidChangeBatchException refused = assertThrows(InvalidChangeBatchException.class,
                () -> change(route53, SandboxClients.ZONE_ID, ChangeAction.UPSERT, txt("bare.example.com", 60, "bare")));
        assertTrue(refused.awsErrorDetails().errorMessage().contains("Value should be enclosed in quotation marks"));
    }

    @Test
    void listResourceRecordSetsPaginatesInReversedLabelOrder() {
        for (String label : List.of("b", "a", "c")) {
            change(route53, SandboxClients.OTHER_ZONE_ID, ChangeAction.UPSERT, txt(label + ".page.example.org", 60,
                    "\"" + label + "\""));
        }
        ListResourceRecordSetsResponse first = route53.listResourceRecordSets(r -> r
                .hostedZoneId(SandboxClients.OTHER_ZONE_ID).startRecordName("page.example.org").maxItems("2"));
        assertEquals(List.of("a.page.example.org.", "b.page.example.org."),
                first.resourceRecordSets().stream().map(ResourceRecordSet::name).toList());
        assertTrue(first.isTruncated());
        assertEquals("c.page.example.org.", first.nextRecordName());
        assertEquals(RRType.TXT, first.nextRecordType());
        ListResourceRecordSetsResponse second = route53.listResourceRecordSets(r -> r
                .hostedZoneId(SandboxClients.OTHER_ZONE_ID).startRecordName(first.nextRecordName())
                .startRecordType(first.nextRecordType()).maxItems("2"));
        assertEquals("c.page.example.org.", second.resourceRecordSets().get(0).name());

        assertThrows(InvalidInputException.class, () -> route53.listResourceRecordSets(r -> r
                .hostedZoneId(SandboxClients.OTHER_ZONE_ID).startRecordType(RRType.TXT)));
    }

    @Test
    void listResourceRecordSetsComparesReversedNamesWithTheirTrailingDots() {
        // Route 53's API reference: sorted by "com.example.www." as ASCII, so a label with a '-' (below '.')
        // comes before the label it starts with, and a shorter name is not always first
        for (String name : List.of("a.order.example.org", "a-b.order.example.org", "x.a.order.example.org",
                "order.example.org")) {
            change(route53, SandboxClients.OTHER_ZONE_ID, ChangeAction.UPSERT, txt(name, 60, "\"v\""));
        }
        ListResourceRecordSetsResponse listed = route53.listResourceRecordSets(r -> r
                .hostedZoneId(SandboxClients.OTHER_ZONE_ID).startRecordName("order.example.org")
                .startRecordType(RRType.TXT));
        assertEquals(List.of("order.example.org.", "a-b.order.example.org.", "a.order.example.org.",
                "x.a.order.example.org."), listed.resourceRecordSets().stream().map(ResourceRecordSet::name)
                .filter(name -> name.endsWith("order.example.org.")).toList());
    }

    @Test
    void getChangeGoesFromPendingToInsync() {
        ChangeInfo submitted = change(route53, SandboxClients.ZONE_ID, ChangeAction.UPSERT,
                txt("_acme-challenge.sync.example.com", 10, "\"t\""));
        assertEquals(ChangeStatus.PENDING, submitted.status());
        assertTrue(submitted.id().startsWith("C"), submitted.id());
        assertEquals(ChangeStatus.PENDING, route53.getChange(r -> r.id(submitted.id())).changeInfo().status());
        CLOCK.advance(Duration.ofMillis(299));
        assertEquals(ChangeStatus.PENDING, route53.getChange(r -> r.id(submitted.id())).changeInfo().status());
        CLOCK.advance(Duration.ofMillis(101));
        ChangeInfo later = route53.getChange(r -> r.id(submitted.id())).changeInfo();
        assertEquals(ChangeStatus.INSYNC, later.status());
        assertEquals("test", later.comment());
    }

    @Test
    void aWrongSecretIsSignatureDoesNotMatch() {
        try (Route53Client wrong = SandboxClients.plain(sandbox, Sandbox.DEFAULT_ACCESS_KEY_ID, "not-the-secret")) {
            Route53Exception e = assertThrows(Route53Exception.class, wrong::listHostedZones);
            assertEquals(403, e.statusCode());
            assertEquals("SignatureDoesNotMatch", e.awsErrorDetails().errorCode());
        }
    }

    @Test
    void anUnknownKeyIsInvalidClientTokenId() {
        try (Route53Client unknown = SandboxClients.plain(sandbox, "AKIAUNKNOWNKEY000000", "whatever")) {
            Route53Exception e = assertThrows(Route53Exception.class, unknown::listHostedZones);
            assertEquals(403, e.statusCode());
            assertEquals("InvalidClientTokenId", e.awsErrorDetails().errorCode());
            assertEquals("The security token included in the request is invalid.", e.awsErrorDetails().errorMessage());
        }
    }
}
