package dev.policygen.renew;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policygen.renew.config.RenewConfigReader;
import dev.policygen.renew.dns.ZoneRecords;
import dev.policygen.renew.guard.PolicyGuard;
import dev.policygen.renew.guard.RenewPolicy;
import dev.policygen.route53.HostedZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ZoneRecords' Route 53 calls, under the generated policy, against Route 53 in memory. */
class ZoneRecordsCleanupTest {
    private static final String ZONE = "Z0EXAMPLE";
    private static final HostedZoneId ZONE_ID = new HostedZoneId(ZONE);
    private static final String A = "_acme-challenge.a.example.com";
    private static final String B = "_acme-challenge.b.example.com";

    private final FakeRoute53 route53 = new FakeRoute53().zone(ZONE, "example.com", false);
    private ZoneRecords records;

    @BeforeEach
    void guarded() throws Exception {
        RenewPolicy policy = RenewPolicy.of(RenewConfigReader.read("""
                accountKey: file:///unused/account.pem
                certificates:
                  www:
                    domains: [a.example.com, b.example.com]
                    zones: {example.com: Z0EXAMPLE}
                    destinations:
                      - files: {dir: /unused}
                """, "test.yaml", true), List.of());
        records = new ZoneRecords(EngineFakes.guarded(EngineFakes.services(route53), PolicyGuard.generated(policy)));
    }

    @Test
    void removesSetsItCreatedWithoutReadingThemAgain() throws Exception {
        records.publish(ZONE_ID, Map.of(A, List.of("\"v1\""), B, List.of("\"v2\""))).requireAll();
        records.withdraw(ZONE_ID, Map.of(A, List.of("\"v1\""), B, List.of("\"v2\""))).requireAll();
        // both names read with one request before the add, none read again before the removal
        assertEquals(1, route53.count("ListResourceRecordSets"));
        assertEquals(2, route53.count("ChangeResourceRecordSets"));
        assertEquals(List.of(), route53.values(ZONE, A));
        assertEquals(List.of(), route53.values(ZONE, B));
    }

    @Test
    void keepsAValueAddedToItsSetMeanwhile() throws Exception {
        records.publish(ZONE_ID, Map.of(A, List.of("\"v1\""))).requireAll();
        route53.put(ZONE, A, ZoneRecords.TTL, "\"v1\"", "\"other\"");
        records.withdraw(ZONE_ID, Map.of(A, List.of("\"v1\""))).requireAll();
        assertEquals(List.of("\"other\""), route53.values(ZONE, A));
        // the refused DELETE, then the read and the DELETE of the set as read + CREATE of what is left
        assertEquals(3, route53.count("ChangeResourceRecordSets"));
    }

    @Test
    void readsASetThatWasThereBefore() throws Exception {
        route53.put(ZONE, A, 300, "\"other\"");
        records.publish(ZONE_ID, Map.of(A, List.of("\"v1\""))).requireAll();
        records.withdraw(ZONE_ID, Map.of(A, List.of("\"v1\""))).requireAll();
        assertEquals(List.of("\"other\""), route53.values(ZONE, A));
        assertEquals(2, route53.count("ListResourceRecordSets"));
        assertEquals(2, route53.count("ChangeResourceRecordSets"));
    }
}
