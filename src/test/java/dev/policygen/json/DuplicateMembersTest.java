package dev.policygen.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policygen.SourcePosition;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which members are duplicates, and that finding them stays linear on hostile objects (issue 10, item 6). */
class DuplicateMembersTest {

    @Test
    void everyOccurrenceAfterTheFirstInSourceOrder() {
        JsonNode.JsonObject object = object(List.of("a", "b", "a", "c", "b", "a", "A"));
        List<String> found = new ArrayList<>();
        for (JsonNode.Member duplicate : object.duplicateMembers()) {
            found.add(duplicate.key() + "@" + duplicate.keyPosition().column());
        }
        // keys are case-sensitive, as in IAM and JSON: "A" is not a duplicate of "a"
        assertEquals(List.of("a@3", "b@5", "a@6"), found);
        assertEquals(List.of(), object(List.of("x", "y")).duplicateMembers());
    }

    /**
     * 200k distinct keys sharing a long prefix: one pass takes well under a second, comparing every pair
     * (2e10 comparisons of 80-character strings) takes minutes, so the generous timeout never flakes yet fails
     * the pairwise version. The last key repeats the first, so the whole object is searched.
     */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void twoHundredThousandKeysAreCheckedInOnePass() {
        String prefix = "k".repeat(72);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            keys.add(prefix + (10_000_000 + i));
        }
        keys.add(keys.get(0));
        List<JsonNode.Member> duplicates = object(keys).duplicateMembers();
        assertEquals(1, duplicates.size());
        assertEquals(keys.size(), duplicates.get(0).keyPosition().column());
    }

    /** Members whose key position's column is their 1-based index, so a test can tell them apart. */
    private static JsonNode.JsonObject object(List<String> keys) {
        List<JsonNode.Member> members = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            members.add(new JsonNode.Member(keys.get(i), new SourcePosition(1, i + 1),
                    new JsonNode.JsonNull(SourcePosition.UNKNOWN)));
        }
        return new JsonNode.JsonObject(members, new SourcePosition(1, 1));
    }
}
