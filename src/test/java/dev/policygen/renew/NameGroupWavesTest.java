package dev.policygen.renew;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.generate.SizeLimit;
import dev.policygen.model.PolicyDocument;
import dev.policygen.model.PolicyWriter;
import dev.policygen.model.Statement;
import dev.policygen.renew.acme.ChallengePublisher;
import dev.policygen.renew.acme.ChallengeRecord;
import dev.policygen.renew.cloud.TxtChange;
import dev.policygen.renew.config.RenewConfig;
import dev.policygen.renew.config.RenewConfigReader;
import dev.policygen.renew.dns.ChallengeZones;
import dev.policygen.renew.dns.ChangeWaiter;
import dev.policygen.renew.dns.ZoneRecords;
import dev.policygen.renew.guard.GuardException;
import dev.policygen.renew.guard.GuardedAws;
import dev.policygen.renew.guard.IntendedCall;
import dev.policygen.renew.guard.PolicyGuard;
import dev.policygen.renew.guard.RenewPolicy;
import dev.policygen.renew.report.RenewLog;
import dev.policygen.renew.state.Journal;
import dev.policygen.renew.wave.ChallengeWaves;
import dev.policygen.renew.wave.WorkSlots;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.Partition;
import dev.policygen.route53.RecordChange;
import dev.policygen.testing.CliRun;
import dev.policygen.testing.RecordNameGroups;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stop 18's gap (issue 13): a zone with more one-name certificates than one statement of a managed policy
 * holds. Renew's policy has the zone's names in groups, as {@code generate --split} writes them, and a wave
 * of every certificate sends one change per group (never a batch mixing two groups, which IAM would deny),
 * judged by the guard against that policy: all 300 certificates published and cleaned up without a denial.
 */
class NameGroupWavesTest {
    private static final String ZONE = "Z1111111111111";
    private static final HostedZoneId ZONE_ID = new HostedZoneId(ZONE);
    private static final int CERTIFICATES = 300;

    @TempDir
    Path dir;

    static RenewConfig config(int certificates) throws Exception {
        StringBuilder yaml = new StringBuilder("accountKey: file:///etc/policygen/account.pem\ndirectory: staging\n"
                + "certificates:\n");
        for (int i = 0; i < certificates; i++) {
            yaml.append("  c").append(i).append(":\n    domains: [").append(host(i)).append("]\n    zones: [")
                    .append(ZONE).append("]\n    destinations:\n      - files: {dir: /etc/ssl/c").append(i).append("}\n");
        }
        return RenewConfigReader.read(yaml.toString(), "fleet.yaml", true);
    }

    static String host(int i) {
        return "c" + String.format("%04d", i) + ".example.com";
    }

    static List<List<String>> groups(List<Statement> statements) {
        return RecordNameGroups.of(statements);
    }

    @Test
    void aWaveOf300CertificatesSendsOneChangePerGroupAndTheGuardAllowsEach() throws Exception {
        RenewPolicy policy = RenewPolicy.of(config(CERTIFICATES), List.of());
        List<List<String>> groups = groups(policy.document().statements());
        assertEquals(2, groups.size(), "300 names of about 37 characters: two statements of a managed policy");
        assertTrue(policy.commandLine().endsWith(" --split"), policy.commandLine());

        assertOneChangePerGroup(PolicyGuard.generated(policy), groups);
    }

    /**
     * A wave of every certificate under {@code guard}: each published and cleaned up without a denial, in one
     * change per group of {@code groups} to publish and one per group to clean up, never a batch mixing two.
     */
    private void assertOneChangePerGroup(PolicyGuard guard, List<List<String>> groups) throws Exception {
        FakeRoute53 route53 = new FakeRoute53().zone(ZONE, "example.com", false);
        GuardedAws aws = EngineFakes.guarded(EngineFakes.services(route53), guard);
        ExecutorService pool = Executors.newCachedThreadPool();
        try (Journal journal = Journal.open(Files.createTempDirectory(dir, "state"), Clock.systemUTC())) {
            ChallengeWaves waves = new ChallengeWaves(new ChallengeZones(aws), new ZoneRecords(aws, d -> { }),
                    new ChangeWaiter(aws, Clock.systemUTC(), d -> { }, Duration.ofMinutes(1)), journal,
                    WorkSlots.unlimited(), new RenewLog(new PrintWriter(new StringWriter()), RenewLog.Format.TEXT,
                            Clock.systemUTC()), Duration.ofSeconds(10), Duration.ofSeconds(30), System::nanoTime);
            waves.expect(CERTIFICATES);
            List<ChallengePublisher> publishers = new ArrayList<>();
            List<Future<?>> published = new ArrayList<>();
            for (int i = 0; i < CERTIFICATES; i++) {
                String host = host(i);
                ChallengePublisher publisher = waves.publisher("c" + i, Map.of(host, Optional.of(ZONE_ID)));
                publishers.add(publisher);
                published.add(pool.submit(() -> {
                    publisher.publish(List.of(new ChallengeRecord(host, "_acme-challenge." + host, "v-" + host)));
                    return null;
                }));
            }
            for (Future<?> future : published) {
                future.get(60, TimeUnit.SECONDS);
            }
            assertEquals(1, waves.waves(), "every certificate in one wave");
            assertEquals(CERTIFICATES, route53.records.get(ZONE_ID).size());
            for (ChallengePublisher publisher : publishers) {
                publisher.withdraw();
            }
            assertTrue(route53.records.get(ZONE_ID).isEmpty());
            assertEquals(List.of(), journal.leftovers());
        } finally {
            pool.shutdownNow();
        }

        // one change per group to publish and one per group to clean up (one each without groups)
        assertEquals(2 * groups.size(), route53.changes.size());
        assertEquals(groups.size(), route53.count("GetChange"));
        assertEquals(1, route53.count("ListResourceRecordSets"), "the sets are still read in one page");
        Set<String> changed = new HashSet<>();
        for (List<TxtChange> batch : route53.changes) {
            Set<String> names = new HashSet<>();
            batch.forEach(change -> names.add(change.record().name()));
            long holding = groups.stream().filter(group -> group.containsAll(names)).count();
            assertEquals(1, holding, "a batch within exactly one group: " + names);
            changed.addAll(names);
        }
        assertEquals(CERTIFICATES, changed.size());
    }

    /**
     * The documents {@code generate --split} writes for renew's own generate line, given as the --policy files
     * (renew --policy FILE --policy FILE-1 ...): read together they are one guard, whose name groups are read
     * from every file's statements, and the wave keeps to them, whichever order the files are given in.
     */
    @Test
    void theSplitDocumentsGivenAsSeveralPolicyFilesGuardTheWave() throws Exception {
        RenewPolicy policy = RenewPolicy.of(config(CERTIFICATES), List.of());
        List<Path> files = splitDocuments(policy);
        assertTrue(files.size() >= 2, "the two name groups are over one managed policy: " + files);
        List<PolicyDocument> documents = PolicyFiles.read(files);
        for (PolicyDocument document : documents) {
            assertTrue(PolicyWriter.size(document) <= SizeLimit.MANAGED.characters());
        }
        List<List<String>> groups = groups(documents.stream().flatMap(d -> d.statements().stream()).toList());
        assertTrue(new HashSet<>(groups(policy.document().statements())).equals(new HashSet<>(groups)),
                "the files hold the groups renew's own policy does (the documents in their packing order)");

        assertOneChangePerGroup(PolicyGuard.of(documents, policy), groups);
        List<Path> reversed = new ArrayList<>(files);
        Collections.reverse(reversed);
        assertOneChangePerGroup(PolicyGuard.of(PolicyFiles.read(reversed), policy), groups);
    }

    /**
     * Why --policy takes several files: one of the split documents alone lacks the other groups' names, so a
     * change of one of them is denied, naming the generate line that allows it (with --split).
     */
    @Test
    void oneSplitDocumentAloneDeniesTheNamesOfTheOthers() throws Exception {
        RenewPolicy policy = RenewPolicy.of(config(CERTIFICATES), List.of());
        List<Path> files = splitDocuments(policy);
        PolicyDocument first = PolicyFiles.read(List.of(files.get(0))).get(0);
        List<String> firstNames = groups(first.statements()).stream().flatMap(List::stream).toList();
        List<String> others = groups(policy.document().statements()).stream().flatMap(List::stream)
                .filter(name -> !firstNames.contains(name)).toList();
        assertTrue(!firstNames.isEmpty() && !others.isEmpty(), files.toString());
        PolicyGuard alone = PolicyGuard.of(List.of(first), policy);
        alone.check(IntendedCall.changeBatch(Partition.AWS, ZONE_ID, List.of(new RecordChange("CREATE", "TXT",
                firstNames.get(0)))));
        GuardException denied = assertThrows(GuardException.class, () -> alone.check(IntendedCall.changeBatch(
                Partition.AWS, ZONE_ID, List.of(new RecordChange("CREATE", "TXT", others.get(0))))));
        assertTrue(denied.getMessage().contains(others.get(0)) && denied.getMessage().endsWith("allowed by: "
                + policy.commandLine()), denied.getMessage());
        PolicyGuard.of(PolicyFiles.read(files), policy).check(IntendedCall.changeBatch(Partition.AWS, ZONE_ID,
                List.of(new RecordChange("CREATE", "TXT", others.get(0)))));
    }

    /** The files {@code policy}'s generate line writes with {@code -o DIR/renew.json}: renew-1.json, renew-2.json, ... */
    private List<Path> splitDocuments(RenewPolicy policy) throws Exception {
        String line = policy.commandLine();
        assertTrue(line.startsWith("policygen generate ") && line.endsWith(" --split") && !line.contains("'"), line);
        List<String> arguments = new ArrayList<>(List.of(line.substring("policygen ".length()).split(" ")));
        Path out = Files.createTempDirectory(dir, "split");
        arguments.addAll(List.of("-o", out.resolve("renew.json").toString()));
        CliRun generated = CliRun.of(arguments.toArray(String[]::new));
        assertEquals(0, generated.exit(), generated.all());
        List<Path> files = new ArrayList<>();
        for (int i = 1; Files.exists(out.resolve("renew-" + i + ".json")); i++) {
            files.add(out.resolve("renew-" + i + ".json"));
        }
        try (var listed = Files.list(out)) {
            assertEquals(files.size(), listed.count(), "only renew-1.json, renew-2.json, ...");
        }
        return files;
    }

    @Test
    void aBatchMixingTwoGroupsIsDeniedAndSaysWhy() throws Exception {
        RenewPolicy policy = RenewPolicy.of(config(CERTIFICATES), List.of());
        List<List<String>> groups = groups(policy.document().statements());
        PolicyGuard guard = PolicyGuard.generated(policy);
        String first = groups.get(0).get(0);
        String second = groups.get(1).get(0);
        for (String name : List.of(first, second)) {
            guard.check(IntendedCall.changeBatch(Partition.AWS, ZONE_ID, List.of(new RecordChange("CREATE", "TXT", name))));
        }
        guard.check(IntendedCall.changeBatch(Partition.AWS, ZONE_ID, List.of(new RecordChange("CREATE", "TXT", first),
                new RecordChange("CREATE", "TXT", groups.get(0).get(1)))));
        GuardException denied = assertThrows(GuardException.class, () -> guard.check(IntendedCall.changeBatch(
                Partition.AWS, ZONE_ID, List.of(new RecordChange("CREATE", "TXT", first),
                        new RecordChange("CREATE", "TXT", second)))));
        assertEquals("the policy denies route53:ChangeResourceRecordSets on arn:aws:route53:::hostedzone/" + ZONE
                + " [CREATE TXT " + first + ", CREATE TXT " + second + "]; each name is allowed alone, but by 2"
                + " different statements (name groups), and IAM judges each statement on its own: a batch holds the"
                + " names of one statement only", denied.getMessage());
    }

    @Test
    void aZoneWithinOneStatementIsOneGroupAsBefore() throws Exception {
        RenewPolicy policy = RenewPolicy.of(config(100), List.of());
        assertEquals(1, groups(policy.document().statements()).size());
        assertTrue(!policy.commandLine().contains("--split"), policy.commandLine());
    }
}
