package dev.policygen.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.UsageException;
import dev.policygen.model.PolicyWriter;
import dev.policygen.model.Statement;
import dev.policygen.route53.Route53Names;
import dev.policygen.testing.CliRun;
import dev.policygen.testing.RecordNameGroups;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stop 18's gap (issue 13): renew's policy ({@code --client policygen}) for 1,000 one-name certificates in one
 * zone. With {@code --split} the zone's names go into groups, each a statement that fits a managed policy
 * alone: every document within the limit, the groups disjoint, consecutive runs of the sorted names,
 * together exactly the configured names, the same whatever order the names were given in, and the same
 * groups renew's guard judges with ({@link PolicyPackager#withNameGroups}).
 */
class NameGroupSplitTest {
    static final String ZONE = "Z11111112222222333333";
    private static final long SEED = Long.getLong("groups.seed", 0x6A0F5L);

    static List<String> hosts(int count) {
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            hosts.add("c" + i + ".example.com");
        }
        return hosts;
    }

    static GeneratedPolicy policy(List<String> hosts) throws UsageException {
        return PolicyGenerator.generate(new RequestOptions("policygen").zoneIdConfigured(true)
                .zones(List.of("example.com=" + ZONE)).domains(hosts).builder().build());
    }

    static List<List<String>> groups(List<Statement> statements) {
        return RecordNameGroups.of(statements);
    }

    @Test
    void thousandNamesSplitIntoGroupsThatEachFitAndTogetherGrantExactlyTheNames() throws Exception {
        List<String> hosts = hosts(1000);
        List<NamedDocument> documents = PolicyPackager.pack(policy(hosts), SizeLimit.MANAGED, false, true);
        List<Statement> all = new ArrayList<>();
        for (NamedDocument document : documents) {
            int size = PolicyWriter.size(document.document());
            assertTrue(size <= SizeLimit.MANAGED.characters(), document.base() + document.suffix() + " is " + size);
            all.addAll(document.document().statements());
        }
        assertTrue(documents.size() <= SizeLimit.DEFAULT_ATTACHED_MANAGED_POLICIES, documents.size() + " documents");

        List<List<String>> groups = groups(all);
        groups.sort((a, b) -> a.get(0).compareTo(b.get(0)));
        Set<String> configured = new TreeSet<>();
        hosts.forEach(host -> configured.add(Route53Names.CHALLENGE_PREFIX + host));
        List<String> union = new ArrayList<>();
        groups.forEach(union::addAll);
        assertEquals(new ArrayList<>(configured), union, "disjoint runs of the sorted names, exactly the configured ones");
        assertEquals(7, groups.size(), "1,000 names of about 37 characters: 163 to a 6,144-character document");

        // renew's guard holds the same groups, and a shuffled config gives the same documents
        assertEquals(groups, groups(PolicyPackager.withNameGroups(policy(hosts), SizeLimit.MANAGED)));
        List<String> shuffled = new ArrayList<>(hosts);
        Collections.shuffle(shuffled, new Random(SEED));
        assertEquals(documents, PolicyPackager.pack(policy(shuffled), SizeLimit.MANAGED, false, true));
    }

    @Test
    void theCliWritesTheGroupsWithSplitAndRefusesWithoutIt(@TempDir Path dir) throws Exception {
        List<String> args = new ArrayList<>(List.of("generate", "--client", "policygen", "--zone-id-configured"));
        for (String host : hosts(1000)) {
            args.add("--domain");
            args.add(host + "=" + ZONE);
        }
        CliRun refused = CliRun.of(args.toArray(new String[0]));
        assertEquals(2, refused.exit(), refused.err());
        assertTrue(refused.err().contains("use --split to write several documents"), refused.err());

        args.addAll(List.of("--split", "-o", dir.resolve("renew.json").toString()));
        CliRun split = CliRun.of(args.toArray(new String[0]));
        assertEquals(0, split.exit(), split.err());
        Set<String> written = new HashSet<>();
        try (var files = Files.list(dir)) {
            files.forEach(file -> written.add(file.getFileName().toString()));
        }
        assertEquals(Set.of("renew-1.json", "renew-2.json", "renew-3.json", "renew-4.json", "renew-5.json",
                "renew-6.json", "renew-7.json"), written);
        for (String file : written) {
            assertTrue(Files.readString(dir.resolve(file)).replaceAll("\\s", "").length()
                    <= SizeLimit.MANAGED.characters(), file);
        }
    }
}
