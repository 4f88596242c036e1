package dev.policygen.route53;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.policygen.UsageException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CertificateNameTest {
    private static final String[] LABELS = {"example", "Example", "EXAMPLE", "www", "bücher", "BÜCHER", "xn--bcher-kva",
        "a", "a-b", "münchen", "例え", "テスト", "com", "org", "co", "uk", "dev", "_x", "0", "99", "ß", "ǅ", "ⓐ"};
    private static final String[] BAD = {"", "..", "a..b", "*.*.a", "a.*.b", "w*.a", "1.2.3.4", "::1", "[::1]",
        "a b.c", "a\tb", "\\999.a", "a\\.b", "*", "*.", "_acme-challenge.a.com"};

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "example.com|_acme-challenge.example.com|false",
        "*.example.com|_acme-challenge.example.com|true",
        "*.Example.COM.|_acme-challenge.example.com|true",
        "Bücher.example|_acme-challenge.xn--bcher-kva.example|false",
        "a\\055b.example.com|_acme-challenge.a-b.example.com|false",
        "odd\\057name.example.com|_acme-challenge.odd\\057name.example.com|false",
        "a\\056b.example.com|_acme-challenge.a\\056b.example.com|false",
        "under_score.example.com|_acme-challenge.under_score.example.com|false",
    })
    void normalizesAsRoute53Does(String input, String challenge, boolean wildcard) throws UsageException {
        CertificateName name = CertificateName.parse(input);
        assertEquals(challenge, name.challengeName());
        assertEquals(wildcard, name.wildcard());
    }

    /** Issue 10, item 9: UTS #46 maps every full-stop variant to '.' before labels are split and encoded. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a\u3002example.com|_acme-challenge.a.example.com|false",
        "a\uFF0Eexample\uFF0Ecom|_acme-challenge.a.example.com|false",
        "a\uFF61example.com|_acme-challenge.a.example.com|false",
        "example.com\u3002|_acme-challenge.example.com|false",
        "*\u3002B\u00FCcher\uFF0Eexample|_acme-challenge.xn--bcher-kva.example|true",
        "\uFF25\uFF38\uFF21\uFF2D\uFF30\uFF2C\uFF25.com|_acme-challenge.example.com|false",
        "\u24D0.example|_acme-challenge.a.example|false",
    })
    void mapsFullStopsWidthAndCaseAsUts46Does(String input, String challenge, boolean wildcard) throws UsageException {
        CertificateName name = CertificateName.parse(input);
        assertEquals(challenge, name.challengeName());
        assertEquals(wildcard, name.wildcard());
    }

    /** Where IDNA2003 (java.net.IDN) and UTS #46 give different names, or the mapping leaves a domain name. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "fa\u00DF.de|sharp s",
        "\u03C3\u03BF\u03C6\u03CC\u03C2.gr|final sigma",
        "a\u200Db.example|zero-width joiner",
        "a\u200Cb.example|zero-width non-joiner",
        "\u2488example.com|maps to \"1.example\"",
        "\uFF0A.example.com|maps to \"*\"",
        "a\u3000b.example.com|U+3000, which IDNA maps to \" \"",
        "a\uFF1Ab.example.com|U+FF1A, which IDNA maps to \":\"",
        "\uFF11\uFF10\u3002\uFF10\u3002\uFF10\u3002\uFF11|is an IP address",
        "1\u30022\uFF0E3\uFF614|is an IP address",
    })
    void refusesNamesUts46WouldNotGiveThisWay(String input, String reason) {
        UsageException e = assertThrows(UsageException.class, () -> CertificateName.parse(input), input);
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    /**
     * Seeded property: a name with any mix of full-stop variants normalizes to what java.net.IDN gives for the
     * whole name (which maps the variants before splitting), so no separator is ever kept inside a label.
     */
    @Test
    void fullStopVariantsSeparateLabelsLikeIdnOnTheWholeName() {
        String[] separators = {".", "\u3002", "\uFF0E", "\uFF61"};
        Random random = new Random(Long.getLong("names.seed", 20261121L));
        for (int round = 0; round < 5_000; round++) {
            StringBuilder name = new StringBuilder();
            int labels = 1 + random.nextInt(4);
            for (int i = 0; i < labels; i++) {
                if (i > 0) {
                    name.append(separators[random.nextInt(separators.length)]);
                }
                String label = LABELS[random.nextInt(LABELS.length)];
                name.append(label.equals("\u00DF") ? "ss" : label);
            }
            String typed = name.toString();
            String whole = java.net.IDN.toASCII(typed, java.net.IDN.ALLOW_UNASSIGNED);
            assertEquals(RecordNames.normalize(whole), RecordNames.normalize(typed), typed);
            assertEquals(labels, RecordNames.labels(typed).size(), typed);
        }
    }

    @Test
    void rejectsWhatCannotBeACertificateName() {
        for (String bad : BAD) {
            UsageException e = assertThrows(UsageException.class, () -> CertificateName.parse(bad), bad);
            assertFalse(e.getMessage().contains("\n"), "one-line message for " + bad);
            assertEquals(bad, e.value());
        }
    }

    @Test
    void recordNamesEscapeEveryOtherByte() {
        assertEquals("\\052.example.com", RecordNames.normalize("*.Example.com."));
        assertEquals("a\\040b.example.com", RecordNames.normalize("a b.example.com"));
        assertEquals("_acme-challenge.example.com", RecordNames.normalize("_ACME-Challenge.example.com."));
    }

    /** Seeded property run: 20,000 random domain lists of IDN, case, trailing dots, wildcards and duplicates. */
    @Test
    void randomDomainListsNormalizeToSortedUniqueWildcardFreeNames() {
        long seed = Long.getLong("names.seed", 20261121L);
        Random random = new Random(seed);
        Tally total = new Tally();
        for (int round = 0; round < 20_000; round++) {
            List<String> inputs = new ArrayList<>();
            int count = 1 + random.nextInt(6);
            for (int i = 0; i < count; i++) {
                inputs.add(randomDomain(random));
                if (random.nextInt(4) == 0) {
                    inputs.add(inputs.get(random.nextInt(inputs.size())));
                }
            }
            total.add(checkProperties(inputs, "seed " + seed + " round " + round));
        }
        // the properties hold vacuously unless the lists were both accepted and refused, and accepted names
        // were wildcards, IDNs and duplicates that collapse
        String context = "seed " + seed + ": " + total;
        assertTrue(total.accepted > 20_000, "too few valid names, " + context);
        assertTrue(total.refused > 2_000, "too few invalid names, " + context);
        assertTrue(total.wildcards > 5_000, "too few wildcards, " + context);
        assertTrue(total.punycode > 1_000, "too few international names, " + context);
        assertTrue(total.collapsed > 2_000, "too few lists with names that collapse, " + context);
    }

    /** What a run of {@link #checkProperties} saw, to show that a random run tested something. */
    static final class Tally {
        int accepted;
        int refused;
        int wildcards;
        int punycode;
        /** Lists in which two accepted names normalized to one challenge name. */
        int collapsed;

        void add(Tally other) {
            accepted += other.accepted;
            refused += other.refused;
            wildcards += other.wildcards;
            punycode += other.punycode;
            collapsed += other.collapsed;
        }

        @Override
        public String toString() {
            return accepted + " accepted, " + refused + " refused, " + wildcards + " wildcards, " + punycode
                    + " international, " + collapsed + " lists collapsed";
        }
    }

    /**
     * Jazzer: each line of the input is a domain as a user would type it after --domain, and also the
     * record name of a simulate --change. Seeds (one list per file) are in CertificateNameTestInputs.
     */
    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"*.", ".", "xn--", "\\052", "\\", "_acme-challenge.", "-", "\u00fc", "\u00df", "\u3002",
        "\uff0e", "\u200d", "1.2.3.4", "::1", "[", "]"})
    void fuzzDomainLists(byte[] input) {
        List<String> lines = List.of(new String(input, StandardCharsets.UTF_8).split("\n", -1));
        checkProperties(lines, "fuzz input");
        for (String line : lines) {
            checkChangeParses(line);
        }
    }

    /** A record name Route 53 would refuse is a UsageException for simulate, never another exception. */
    static void checkChangeParses(String name) {
        try {
            RecordChange change = RecordChange.parse("UPSERT:TXT:" + name);
            assertEquals(change.normalizedName(), RecordNames.normalize(change.normalizedName()),
                    "normalizing twice changes " + change.normalizedName());
        } catch (UsageException expected) {
            assertFalse(expected.getMessage().contains("\n"), name);
        }
    }

    /** Bad input is a UsageException; good input gives normalized, unique, sorted, wildcard-free names. */
    static Tally checkProperties(List<String> inputs, String context) {
        Tally tally = new Tally();
        SortedSet<String> names = new TreeSet<>();
        for (String input : inputs) {
            try {
                CertificateName name = CertificateName.parse(input);
                String challenge = name.challengeName();
                assertTrue(challenge.startsWith("_acme-challenge."), context);
                assertFalse(challenge.contains("*") || challenge.contains("\\052"), context + ": " + challenge);
                assertFalse(challenge.endsWith("."), context);
                assertEquals(challenge.toLowerCase(java.util.Locale.ROOT), challenge, context);
                assertTrue(challenge.chars().allMatch(c -> c < 0x7F && c > 0x20), context + ": " + challenge);
                assertEquals(challenge, RecordNames.normalize(challenge), context + ": normalizing twice changes "
                        + challenge);
                names.add(challenge);
                tally.accepted++;
                tally.wildcards += name.wildcard() ? 1 : 0;
                tally.punycode += challenge.contains("xn--") ? 1 : 0;
            } catch (UsageException expected) {
                assertFalse(expected.getMessage().contains("\n"), context);
                tally.refused++;
            }
        }
        tally.collapsed = names.size() < tally.accepted ? 1 : 0;
        List<String> sorted = new ArrayList<>(names);
        for (int i = 1; i < sorted.size(); i++) {
            assertTrue(sorted.get(i - 1).compareTo(sorted.get(i)) < 0, context);
        }
        return tally;
    }

    private static String randomDomain(Random random) {
        StringBuilder out = new StringBuilder();
        if (random.nextInt(3) == 0) {
            out.append("*.");
        }
        int labels = 1 + random.nextInt(4);
        for (int i = 0; i < labels; i++) {
            if (i > 0) {
                out.append('.');
            }
            out.append(random.nextInt(10) == 0 ? BAD[random.nextInt(BAD.length)] : LABELS[random.nextInt(LABELS.length)]);
        }
        if (random.nextBoolean()) {
            out.append('.');
        }
        return out.toString();
    }
}
