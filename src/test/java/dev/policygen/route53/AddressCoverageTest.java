package dev.policygen.route53;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.route53.AddressCoverage.Family;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** PG403's question: does a CIDR list cover every address of a family? */
class AddressCoverageTest {
    private static final long SEED = Long.getLong("coverage.seed", 0xC1D2L);

    @Test
    void theZeroBlocksCoverTheirOwnFamilyOnly() {
        assertTrue(AddressCoverage.coversEvery(List.of("0.0.0.0/0"), Family.IPV4));
        assertFalse(AddressCoverage.coversEvery(List.of("0.0.0.0/0"), Family.IPV6));
        assertTrue(AddressCoverage.coversEvery(List.of("::/0"), Family.IPV6));
        assertFalse(AddressCoverage.coversEvery(List.of("::/0"), Family.IPV4));
        // host bits under a /0 do not matter
        assertTrue(AddressCoverage.coversEvery(List.of("10.1.2.3/0"), Family.IPV4));
    }

    @Test
    void blocksThatAddUpToEverythingCoverIt() {
        assertTrue(AddressCoverage.coversEvery(List.of("128.0.0.0/1", "0.0.0.0/1"), Family.IPV4));
        assertTrue(AddressCoverage.coversEvery(List.of("0.0.0.0/2", "64.0.0.0/2", "0.0.0.0/1", "128.0.0.0/1"),
                Family.IPV4));
        assertFalse(AddressCoverage.coversEvery(List.of("0.0.0.0/1", "128.0.0.0/2", "192.0.0.0/3"), Family.IPV4));
        assertFalse(AddressCoverage.coversEvery(List.of("0.0.0.0/1", "255.255.255.255"), Family.IPV4));
        assertTrue(AddressCoverage.coversEvery(List.of("8000::/1", "::/1"), Family.IPV6));
    }

    @Test
    void valuesThatAreNotBlocksCoverNothing() {
        assertFalse(AddressCoverage.coversEvery(List.of("0.0.0.0/33", "everywhere", "", "::/129", "/0"), Family.IPV4));
        assertFalse(AddressCoverage.coversEvery(List.of(), Family.IPV6));
    }

    /** Splitting the space into random halves, then dropping one piece, must flip the answer. */
    @Test
    void aRandomPartitionCoversAndLosesCoverageWithoutOnePiece() {
        Random random = new Random(SEED);
        for (int round = 0; round < 200; round++) {
            List<String> pieces = new ArrayList<>();
            split(random, 0L, 0, pieces);
            assertTrue(AddressCoverage.coversEvery(pieces, Family.IPV4), "seed " + SEED + ": " + pieces);
            List<String> lessOne = new ArrayList<>(pieces);
            lessOne.remove(random.nextInt(lessOne.size()));
            assertFalse(AddressCoverage.coversEvery(lessOne, Family.IPV4), "seed " + SEED + ": " + lessOne);
        }
    }

    private static void split(Random random, long start, int prefix, List<String> out) {
        // a piece stops splitting two times in three, so a partition has a handful of pieces
        if (prefix == 32 || random.nextInt(3) != 0 && prefix > 0) {
            out.add((start >>> 24) + "." + ((start >>> 16) & 255) + "." + ((start >>> 8) & 255) + "." + (start & 255)
                    + "/" + prefix);
            return;
        }
        split(random, start, prefix + 1, out);
        split(random, start | (1L << (31 - prefix)), prefix + 1, out);
    }
}
