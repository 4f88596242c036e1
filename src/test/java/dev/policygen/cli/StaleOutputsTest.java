package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 item 23: {@code -o} with {@code --split} replaces the files of an earlier run as a group:
 * the documents an earlier run wrote and this one does not are removed, after the new ones are in
 * place, and nothing outside generate's own naming pattern is touched.
 */
class StaleOutputsTest {
    private static final String ZONE = "Z11111112222222333333";

    @TempDir
    Path dir;

    /** lego with {@code zones} zones, split, to {@code output}. */
    private static CliRun split(Path output, int zones, String... more) {
        List<String> args = new ArrayList<>(List.of("--client", "lego", "--split", "-o", output.toString()));
        for (int z = 1; z <= zones; z++) {
            args.addAll(List.of("--zone", "zone" + z + ".example=" + String.format("Z%019d", z), "--domain",
                    "zone" + z + ".example"));
        }
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(new String[0]));
    }

    private TreeSet<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            TreeSet<String> names = new TreeSet<>();
            files.forEach(f -> names.add(f.getFileName().toString()));
            return names;
        }
    }

    @Test
    void aSmallerRunRemovesTheEarlierRunsExtraDocumentsOnly() throws Exception {
        Path output = dir.resolve("p.json");
        CliRun many = split(output, 60, "--source-ip", "192.0.2.0/24");
        assertEquals(0, many.exit(), many.all());
        TreeSet<String> first = names();
        assertTrue(first.contains("p-1.json") && first.contains("p-2.json") && first.contains("p-network-deny.json")
                && !first.contains("p.json"), first.toString());
        // not of the pattern generate writes, or not of the earlier run: never touched
        Files.writeString(dir.resolve("p-notes.json"), "mine");
        Files.writeString(dir.resolve("p-0.json"), "mine");
        Files.writeString(dir.resolve("other.json"), "mine");
        int next = first.size();
        Files.writeString(dir.resolve("p-" + (next + 5) + ".json"), "after a gap: not the earlier run's");
        Path target = dir.resolve("elsewhere.json");
        Files.writeString(target, "a link's target");
        Files.createSymbolicLink(dir.resolve("p-" + next + ".json"), target);

        CliRun one = split(output, 2);
        assertEquals(0, one.exit(), one.all());
        TreeSet<String> after = names();
        for (String name : first) {
            if (name.startsWith("p-") && !name.equals("p-" + next + ".json")) {
                assertFalse(after.contains(name), name + " of the earlier run is left: " + after);
            }
        }
        assertTrue(after.contains("p.json"), after.toString());
        for (String kept : List.of("p-notes.json", "p-0.json", "other.json", "p-" + (next + 5) + ".json",
                "elsewhere.json")) {
            assertTrue(after.contains(kept), kept + " was removed: " + after);
        }
        assertTrue(Files.isSymbolicLink(dir.resolve("p-" + next + ".json")), "a symbolic link is never removed");
        assertEquals("a link's target", Files.readString(target));
        assertTrue(one.err().contains("removed " + dir.resolve("p-1.json").toAbsolutePath()), one.err());
    }

    @Test
    void aLargerRunReplacesTheSingleDocument() throws Exception {
        Path output = dir.resolve("p.json");
        assertEquals(0, split(output, 1).exit());
        assertTrue(Files.exists(output));
        CliRun many = split(output, 60);
        assertEquals(0, many.exit(), many.all());
        assertFalse(Files.exists(output, LinkOption.NOFOLLOW_LINKS), "the one document of the earlier run is stale");
        assertTrue(Files.exists(dir.resolve("p-1.json")));
    }

    @Test
    void aFailedRunRemovesNothing() throws Exception {
        Path output = dir.resolve("p.json");
        assertEquals(0, split(output, 60).exit());
        TreeSet<String> before = names();
        CliRun bad = split(output, 2, "--domain", "a..b");
        assertEquals(2, bad.exit(), bad.all());
        assertEquals(before, names());
    }
}
