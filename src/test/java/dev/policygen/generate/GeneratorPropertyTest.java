package dev.policygen.generate;

import dev.policygen.InputException;
import dev.policygen.UsageException;
import dev.policygen.model.ConditionBlock;
import dev.policygen.model.ConditionEntry;
import dev.policygen.model.PolicyDocument;
import dev.policygen.model.PolicyReader;
import dev.policygen.model.PolicyWriter;
import dev.policygen.model.Statement;
import dev.policygen.profile.ClientProfile;
import dev.policygen.profile.Profiles;
import dev.policygen.route53.Route53Names;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seeded random requests over every profile and option; invariants every generated policy keeps. */
class GeneratorPropertyTest {
    private static final List<ClientProfile> PROFILES = Profiles.bundled().all();

    @Test
    void everyGeneratedPolicyKeepsTheInvariants() throws Exception {
        long seed = Long.getLong("generator.seed", 42L);
        Random random = new Random(seed);
        int generated = 0;
        for (int round = 0; round < 3_000; round++) {
            GenerateRequest request = RandomRequests.request(random, PROFILES);
            String context = "seed " + seed + " round " + round;
            GeneratedPolicy policy;
            try {
                policy = PolicyGenerator.generate(request);
            } catch (UsageException expected) {
                assertFalse(expected.getMessage().contains("\n"), context);
                continue;
            }
            generated++;
            assertEquals(PolicyWriter.pretty(PolicyDocument.of(policy.allow())),
                    PolicyWriter.pretty(PolicyDocument.of(PolicyGenerator.generate(request).allow())),
                    context + ": not deterministic");
            checkStatements(policy, request, context);
            SizeLimit limit = SizeLimit.values()[random.nextInt(SizeLimit.values().length)];
            try {
                List<NamedDocument> documents = PolicyPackager.pack(policy, limit, random.nextBoolean(), true);
                checkSplit(policy, documents, limit, context);
            } catch (UsageException tooBig) {
                assertTrue(tooBig.getMessage().contains("limit"), context + ": " + tooBig.getMessage());
            }
        }
        assertTrue(generated > 1_000, "too few valid random requests: " + generated);
    }

    private static void checkStatements(GeneratedPolicy policy, GenerateRequest request, String context)
            throws InputException {
        Set<String> sids = new HashSet<>();
        for (Statement statement : policy.allow()) {
            String sid = statement.sid().orElseThrow();
            assertTrue(sid.matches("[A-Za-z0-9]+"), context + ": Sid " + sid);
            assertTrue(sids.add(sid), context + ": duplicate Sid " + sid);
            List<String> actions = statement.actions().texts();
            if (actions.contains("route53:ChangeResourceRecordSets")) {
                assertEquals(1, actions.size(), context + ": ChangeResourceRecordSets must stand alone");
                assertEquals(1, statement.resources().texts().size(), context);
                assertTrue(statement.resources().texts().get(0).startsWith("arn:" + request.partition().id()
                        + ":route53:::hostedzone/Z"), context);
                ConditionBlock block = statement.conditions().get(0);
                assertEquals("ForAllValues:StringEquals", block.operator().json(), context);
                for (ConditionEntry entry : block.entries()) {
                    List<String> values = entry.values().texts();
                    assertEquals(new TreeSet<>(values).stream().toList(), values.stream().sorted().toList(), context);
                    if (entry.key().equals(Route53Names.KEY_NAMES)) {
                        for (String name : values) {
                            assertFalse(name.contains("*") || name.contains("\\052") || name.endsWith("."),
                                    context + ": " + name);
                            assertEquals(name.toLowerCase(java.util.Locale.ROOT), name, context);
                        }
                        assertEquals(values.size(), new HashSet<>(values).size(), context);
                    }
                    if (entry.key().equals(Route53Names.KEY_TYPES)) {
                        assertEquals(List.of("TXT"), values, context);
                    }
                    if (entry.key().equals(Route53Names.KEY_ACTIONS)) {
                        assertEquals(new TreeSet<>(policy.profile().changes().actions()), new TreeSet<>(values), context);
                    }
                }
            }
            for (String action : actions) {
                if (action.startsWith("route53:List") || action.equals("route53:GetHostedZoneCount")) {
                    boolean zoneScoped = action.equals("route53:ListResourceRecordSets");
                    assertEquals(!zoneScoped, statement.resources().texts().equals(List.of("*")), context + " " + action);
                }
            }
        }
        String pretty = PolicyWriter.pretty(PolicyDocument.of(policy.allow()));
        assertEquals(pretty, PolicyWriter.pretty(PolicyReader.read(pretty, "generated")), context + ": round trip");
    }

    private static void checkSplit(GeneratedPolicy policy, List<NamedDocument> documents, SizeLimit limit,
            String context) {
        Set<String> names = new TreeSet<>();
        Set<String> actions = new TreeSet<>();
        int total = 0;
        for (NamedDocument document : documents) {
            int size = PolicyWriter.size(document.document());
            total += size;
            if (!limit.aggregate()) {
                assertTrue(size <= limit.characters(), context + ": " + document.name() + " is " + size);
            }
            for (Statement s : document.document().statements()) {
                actions.addAll(s.actions().texts());
                s.conditions().stream().flatMap(b -> b.entries().stream())
                        .filter(e -> e.key().equals(Route53Names.KEY_NAMES))
                        .forEach(e -> names.addAll(e.values().texts()));
            }
        }
        if (limit.aggregate()) {
            assertTrue(total <= limit.characters(), context);
        }
        Set<String> expectedNames = new TreeSet<>();
        Set<String> expectedActions = new TreeSet<>();
        for (Statement s : policy.allow()) {
            expectedActions.addAll(s.actions().texts());
            s.conditions().stream().flatMap(b -> b.entries().stream())
                    .filter(e -> e.key().equals(Route53Names.KEY_NAMES))
                    .forEach(e -> expectedNames.addAll(e.values().texts()));
        }
        policy.deny().ifPresent(d -> expectedActions.addAll(d.actions().texts()));
        assertEquals(expectedNames, names, context + ": split lost or added record names");
        assertEquals(expectedActions, actions, context + ": split lost or added actions");
    }
}
