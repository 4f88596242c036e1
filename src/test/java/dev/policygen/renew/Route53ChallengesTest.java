package dev.policygen.renew;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.AwsFailure;
import dev.policygen.renew.acme.ChallengeRecord;
import dev.policygen.renew.cloud.TxtChange;
import dev.policygen.renew.cloud.TxtRecord;
import dev.policygen.renew.dns.ChallengeZones;
import dev.policygen.renew.dns.ChangeWaiter;
import dev.policygen.renew.dns.Route53Challenges;
import dev.policygen.renew.dns.ZoneRecords;
import dev.policygen.renew.guard.GuardedAws;
import dev.policygen.renew.state.Journal;
import dev.policygen.route53.HostedZoneId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DNS-01 records of one order: one change per zone, journaled first, withdrawn leaving others' values. */
class Route53ChallengesTest {
    private static final HostedZoneId COM = new HostedZoneId("Z1COM");
    private static final HostedZoneId EU = new HostedZoneId("Z2EU");
    private static final String APEX = "_acme-challenge.example.com";
    private static final String WWW = "_acme-challenge.www.example.com";
    private static final String API = "_acme-challenge.api.eu.example.com";
    private static final List<ChallengeRecord> ORDER = List.of(
            new ChallengeRecord("example.com", APEX, "apex"),
            new ChallengeRecord("example.com", APEX, "wild"),
            new ChallengeRecord("www.example.com", WWW, "www"),
            new ChallengeRecord("api.eu.example.com", API, "api"));

    @TempDir
    Path state;

    private final FakeRoute53 route53 = new FakeRoute53()
            .zone("Z1COM", "example.com", false)
            .zone("Z2EU", "eu.example.com", false);
    private Journal journal;
    private Route53Challenges challenges;

    @BeforeEach
    void setUp() throws Exception {
        journal = Journal.open(state, Clock.systemUTC());
        GuardedAws aws = EngineFakes.guarded(EngineFakes.services(route53));
        // example.com's zone is configured, eu.example.com's is discovered
        challenges = new Route53Challenges("www", Map.of("example.com", Optional.of(COM),
                "www.example.com", Optional.of(COM), "api.eu.example.com", Optional.empty()), new ChallengeZones(aws),
                new ZoneRecords(aws, d -> { }),
                new ChangeWaiter(aws, Clock.systemUTC(), d -> { }, Duration.ofMinutes(1)),
                journal);
        route53.put("Z1COM", APEX, 300, "\"theirs\"");
        route53.put("Z2EU", API, 300, "\"theirs-too\"");
    }

    @AfterEach
    void close() throws Exception {
        journal.close();
    }

    private Set<String> journaled() {
        Set<String> values = new TreeSet<>();
        journal.leftovers().forEach(e -> values.add(e.zone() + " " + e.recordName() + " " + e.value()));
        return values;
    }

    @Test
    void publishSendsOneChangePerZoneWithEveryValueAndWaitsForBoth() throws Exception {
        challenges.publish(ORDER);

        assertEquals(2, route53.count("ChangeResourceRecordSets"));
        assertEquals(1, route53.count("ChangeResourceRecordSets Z1COM"));
        assertEquals(1, route53.count("ChangeResourceRecordSets Z2EU"));
        assertEquals(List.of("\"theirs\"", "\"apex\"", "\"wild\""), route53.values("Z1COM", APEX));
        assertEquals(List.of("\"www\""), route53.values("Z1COM", WWW));
        assertEquals(List.of("\"theirs-too\"", "\"api\""), route53.values("Z2EU", API));
        assertEquals(2, route53.count("GetChange"));
        assertEquals(Set.of("Z1COM " + APEX + " \"apex\"", "Z1COM " + APEX + " \"wild\"", "Z1COM " + WWW + " \"www\"",
                "Z2EU " + API + " \"api\""), journaled());
        // conditional on what was read: the set that was there replaced (DELETE as read + CREATE), the new one CREATEd
        assertEquals(List.of(TxtChange.delete(new TxtRecord(APEX, 300, List.of("\"theirs\""))),
                TxtChange.create(APEX, 300, List.of("\"theirs\"", "\"apex\"", "\"wild\"")),
                TxtChange.create(WWW, ZoneRecords.TTL, List.of("\"www\""))), route53.changes.get(0));
    }

    @Test
    void publishKeepsAValueAnotherClientWroteBetweenTheReadAndTheChange() throws Exception {
        // another process adds its value at the apex name after our read, before our change arrives
        route53.beforeChange.add(() -> route53.put("Z1COM", APEX, 300, "\"theirs\"", "\"racer\""));

        challenges.publish(ORDER);

        assertEquals(Set.of("\"theirs\"", "\"racer\"", "\"apex\"", "\"wild\""),
                new HashSet<>(route53.values("Z1COM", APEX)));
        assertEquals(3, route53.count("ChangeResourceRecordSets"), "the refused one, its retry, and the other zone");
        challenges.withdraw();
        assertEquals(Set.of("\"theirs\"", "\"racer\""), new HashSet<>(route53.values("Z1COM", APEX)));
        assertEquals(Set.of(), journaled());
    }

    @Test
    void theJournalHoldsTheValuesBeforeTheChangeIsSent() throws Exception {
        List<Set<String>> atChange = new ArrayList<>();
        route53.beforeChange.add(() -> atChange.add(journaled()));
        route53.changeFailures.add(new AwsFailure(AwsFailure.Kind.SERVICE_ERROR, "InvalidInput", 400, "refused",
                null));

        assertThrows(AwsFailure.class, () -> challenges.publish(ORDER));

        assertEquals(Set.of("Z1COM " + APEX + " \"apex\"", "Z1COM " + APEX + " \"wild\"", "Z1COM " + WWW + " \"www\""),
                atChange.get(0));
        assertEquals(atChange.get(0), journaled());
        assertEquals(List.of("\"theirs\""), route53.values("Z1COM", APEX));
        // withdrawing after the failed publish sends no change: none of ours is there
        challenges.withdraw();
        assertEquals(1, route53.count("ChangeResourceRecordSets"));
        assertEquals(Set.of(), journaled());
    }

    @Test
    void withdrawRemovesOnlyOursAndIsIdempotent() throws Exception {
        challenges.publish(ORDER);
        route53.put("Z1COM", WWW, 60, "\"www\"", "\"late-comer\"");

        challenges.withdraw();

        assertEquals(4, route53.count("ChangeResourceRecordSets"));
        assertEquals(List.of("\"theirs\""), route53.values("Z1COM", APEX));
        assertEquals(List.of("\"late-comer\""), route53.values("Z1COM", WWW));
        assertEquals(List.of("\"theirs-too\""), route53.values("Z2EU", API));
        assertEquals(Set.of(), journaled());
        int calls = route53.calls.size();
        challenges.withdraw();
        assertEquals(calls, route53.calls.size());
    }

    @Test
    void aZoneThatFailsToCleanDoesNotStopTheOtherAndStaysInTheJournal() throws Exception {
        challenges.publish(ORDER);
        AwsFailure denied = new AwsFailure(AwsFailure.Kind.ACCESS_DENIED, "AccessDenied", 403, "denied", null);
        route53.changeFailures.add(denied);

        AwsFailure thrown = assertThrows(AwsFailure.class, () -> challenges.withdraw());

        assertSame(denied, thrown);
        assertEquals(List.of("\"theirs-too\""), route53.values("Z2EU", API));
        assertEquals(List.of("\"theirs\"", "\"apex\"", "\"wild\""), route53.values("Z1COM", APEX));
        assertEquals(Set.of("Z1COM " + APEX + " \"apex\"", "Z1COM " + APEX + " \"wild\"", "Z1COM " + WWW + " \"www\""),
                journaled());
        // a second withdraw retries only the failed zone
        challenges.withdraw();
        assertEquals(List.of("\"theirs\""), route53.values("Z1COM", APEX));
        assertEquals(Set.of(), journaled());
        List<TxtChange> last = route53.changes.get(route53.changes.size() - 1);
        assertTrue(last.stream().allMatch(c -> c.record().name().endsWith(".example.com")
                && !c.record().name().equals(API)), last.toString());
        assertEquals(2, route53.count("ChangeResourceRecordSets Z2EU"), "publish and one withdraw");
    }
}
