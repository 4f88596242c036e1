package dev.policygen.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.UsageException;
import dev.policygen.model.PolicyWriter;
import dev.policygen.model.Statement;
import dev.policygen.route53.Route53Names;
import dev.policygen.model.ConditionBlock;
import dev.policygen.model.ConditionEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 23: --split divides what is too long whatever made it long (many names, many zones),
 * packs the pieces into few documents with a stated guarantee, and the documents together grant
 * exactly what the single document would.
 */
class SplitPackingTest {
    private static final long SEED = Long.getLong("split.seed", 0x5B117L);

    /** The grants of a statement list as "action resource names" triples, one per record name. */
    private static Set<String> grants(List<Statement> statements) {
        Set<String> grants = new TreeSet<>();
        for (Statement statement : statements) {
            List<String> names = List.of("");
            for (ConditionBlock block : statement.conditions()) {
                for (ConditionEntry entry : block.entries()) {
                    if (entry.key().equals(Route53Names.KEY_NAMES)) {
                        names = entry.values().texts();
                    }
                }
            }
            for (String action : statement.actions().texts()) {
                for (String resource : statement.resources().texts()) {
                    for (String name : names) {
                        grants.add(action + " " + resource + " " + name);
                    }
                }
            }
        }
        return grants;
    }

    private static GeneratedPolicy policy(String client, int zones, int namesPerZone) throws UsageException {
        RequestOptions options = new RequestOptions(client);
        List<String> zoneArgs = new ArrayList<>();
        List<String> domains = new ArrayList<>();
        for (int z = 0; z < zones; z++) {
            String id = "Z" + String.format("%020d", z);
            zoneArgs.add("zone" + z + ".example=" + id);
            for (int n = 0; n < namesPerZone; n++) {
                domains.add("host" + n + ".zone" + z + ".example");
            }
        }
        return PolicyGenerator.generate(options.zones(zoneArgs).domains(domains).builder().build());
    }

    private static void checkSplit(GeneratedPolicy policy, SizeLimit limit) throws UsageException {
        List<NamedDocument> documents = PolicyPackager.pack(policy, limit, false, true);
        List<Statement> all = new ArrayList<>();
        long used = 0;
        int halfEmpty = 0;
        for (NamedDocument document : documents) {
            int size = PolicyWriter.size(document.document());
            assertTrue(size <= limit.characters(), document.name() + " is " + size);
            used += size;
            if (size <= limit.characters() / 2) {
                halfEmpty++;
            }
            all.addAll(document.document().statements());
        }
        assertEquals(grants(policy.allow()), grants(all), "the documents grant exactly what one would");
        assertTrue(halfEmpty <= 1, halfEmpty + " documents are half full or less of " + documents.size());
        // first-fit decreasing: never more than 11/9 of the fewest possible plus one
        long lowerBound = (used + limit.characters() - 1) / limit.characters();
        assertTrue(documents.size() <= 11 * lowerBound / 9 + 1, documents.size() + " documents for " + used);
    }

    @Test
    void manyZonesSplitForEveryClient() throws UsageException {
        // 300 zones: the zone list of the read statement alone is far over 6144 characters
        for (String client : new String[] {"lego", "certbot", "acme.sh", "policygen"}) {
            checkSplit(policy(client, 300, 1), SizeLimit.MANAGED);
        }
    }

    @Test
    void manyNamesAndZonesTogether() throws UsageException {
        checkSplit(policy("lego", 40, 30), SizeLimit.MANAGED);
    }

    @Test
    void randomShapesKeepTheGuarantee() throws UsageException {
        Random random = new Random(SEED);
        for (int i = 0; i < 30; i++) {
            int zones = 1 + random.nextInt(80);
            int names = 1 + random.nextInt(12);
            checkSplit(policy(random.nextBoolean() ? "lego" : "policygen", zones, names), SizeLimit.MANAGED);
        }
    }

    @Test
    void aPolicyThatFitsStaysOneDocument() throws UsageException {
        assertEquals(1, PolicyPackager.pack(policy("lego", 2, 2), SizeLimit.MANAGED, false, true).size());
    }
}
