package dev.policygen.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.UsageException;
import dev.policygen.model.Effect;
import dev.policygen.model.Statement;
import dev.policygen.model.ValueList;
import dev.policygen.profile.ClientProfile;
import dev.policygen.profile.Profiles;
import dev.policygen.route53.Route53Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, cross-account zones: for seeded random requests over every profile and option, the DNS role
 * gets every Route 53 statement unchanged and nothing else; the workload role gets exactly
 * {@code sts:AssumeRole} on the DNS role plus every other statement unchanged; both keep the network deny.
 */
class DnsAccountSplitTest {
    private static final String DNS_ROLE = "arn:aws:iam::222233334444:role/lego-dns01-zone-writer";
    private static final List<ClientProfile> PROFILES = Profiles.bundled().all();

    @Test
    void route53GoesToTheDnsRoleAndEverythingElseStaysWithTheWorkload() throws Exception {
        long seed = Long.getLong("split.seed", 11L);
        Random random = new Random(seed);
        int withOtherServices = 0;
        int split = 0;
        for (int round = 0; round < 2_000; round++) {
            GeneratedPolicy policy;
            try {
                policy = PolicyGenerator.generate(round % 2 == 0 ? RandomRequests.request(random, PROFILES)
                        : RandomRequests.requestWithResources(random, PROFILES));
            } catch (UsageException refused) {
                continue;
            }
            String context = "seed " + seed + " round " + round;
            DnsAccountSplit shares = DnsAccountSplit.of(policy, DNS_ROLE);
            Statement assume = shares.workload().allow().get(0);
            assertEquals(Optional.of(DnsAccountSplit.ASSUME_SID), assume.sid(), context);
            assertEquals(List.of("sts:AssumeRole"), assume.actions().texts(), context);
            assertEquals(List.of(DNS_ROLE), assume.resources().texts(), context);
            List<Statement> others = shares.workload().allow().subList(1, shares.workload().allow().size());
            for (Statement statement : others) {
                for (String action : statement.actions().texts()) {
                    assertFalse(Route53Names.isRoute53Action(action), context + ": workload has " + action);
                }
            }
            assertFalse(shares.dnsAccount().allow().isEmpty(), context);
            for (Statement statement : shares.dnsAccount().allow()) {
                for (String action : statement.actions().texts()) {
                    assertTrue(Route53Names.isRoute53Action(action), context + ": DNS role has " + action);
                }
            }
            // together they are the original statements, each unchanged, in order
            List<Statement> together = new ArrayList<>(shares.dnsAccount().allow());
            together.addAll(others);
            assertEquals(new TreeSet<>(sids(policy.allow())), new TreeSet<>(sids(together)), context);
            assertEquals(policy.allow().size(), together.size(), context);
            assertTrue(together.containsAll(policy.allow()), context);
            assertEquals(policy.deny(), shares.workload().deny(), context);
            assertEquals(policy.deny(), shares.dnsAccount().deny(), context);
            withOtherServices += others.isEmpty() ? 0 : 1;
            split++;
        }
        System.out.printf("split %d requests, %d with calls beyond Route 53%n", split, withOtherServices);
        assertTrue(split > 300, "too few valid random requests: " + split);
        assertTrue(withOtherServices > 10, "too few requests with calls beyond Route 53: " + withOtherServices);
    }

    @Test
    void aStatementMixingServicesIsWrittenOnceForEachRole() throws Exception {
        Statement mixed = Statement.builder(Effect.ALLOW).sid("Mixed")
                .actions(List.of("route53:GetChange", "acm:ImportCertificate")).resources(List.of("*")).build();
        GeneratedPolicy policy = new GeneratedPolicy(Profiles.bundled().find("policygen"), List.of(mixed),
                Optional.empty(), List.of());
        DnsAccountSplit shares = DnsAccountSplit.of(policy, DNS_ROLE);
        assertEquals(List.of("route53:GetChange"), shares.dnsAccount().allow().get(0).actions().texts());
        assertEquals(Optional.of("MixedRoute53"), shares.dnsAccount().allow().get(0).sid());
        assertEquals(List.of("acm:ImportCertificate"), shares.workload().allow().get(1).actions().texts());
        assertEquals(Optional.of("MixedWorkload"), shares.workload().allow().get(1).sid());
        assertEquals(ValueList.of("*").texts(), shares.workload().allow().get(1).resources().texts());
    }

    @Test
    void route53ActionsAreRecognisedAsIamComparesThem() {
        assertTrue(Route53Names.isRoute53Action("Route53:GetChange"));
        assertFalse(Route53Names.isRoute53Action("route53domains:ListDomains"));
        assertFalse(Route53Names.isRoute53Action("sts:AssumeRole"));
    }

    private static Set<String> sids(List<Statement> statements) {
        Set<String> sids = new TreeSet<>();
        statements.forEach(s -> sids.add(s.sid().orElse("")));
        return sids;
    }
}
