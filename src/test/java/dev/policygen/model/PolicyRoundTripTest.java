package dev.policygen.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.policygen.InputException;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyRoundTripTest {

    @Test
    void keepsEveryElementAndForm() throws InputException {
        String text = "{\"Statement\":{\"Condition\":{\"NumericLessThan\":{\"s3:max-keys\":10},"
                + "\"Bool\":{\"aws:SecureTransport\":true},\"ForAnyValue:StringLikeIfExists\":{\"k\":[\"b\",\"a\",\"b\"]}},"
                + "\"Resource\":\"*\",\"NotAction\":[\"s3:Get*\",\"iam:*\"],\"Effect\":\"Deny\",\"Sid\":\"S1\"},"
                + "\"Id\":\"x\",\"Version\":\"2008-10-17\"}";
        String expected = "{\"Version\":\"2008-10-17\",\"Id\":\"x\",\"Statement\":{\"Sid\":\"S1\",\"Effect\":\"Deny\","
                + "\"NotAction\":[\"iam:*\",\"s3:Get*\"],\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":true},"
                + "\"ForAnyValue:StringLikeIfExists\":{\"k\":[\"a\",\"b\"]},\"NumericLessThan\":{\"s3:max-keys\":10}}}}";
        assertEquals(expected, PolicyWriter.minified(PolicyReader.read(text, "t")));
    }

    @Test
    void prettyFormIsTwoSpaces() throws InputException {
        String pretty = PolicyWriter.pretty(PolicyReader.read(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[],\"Resource\":\"*\"}]}", "t"));
        assertEquals("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n"
                + "      \"Action\": [],\n      \"Resource\": \"*\"\n    }\n  ]\n}\n", pretty);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"Statement\":[]  ,|1:19|invalid JSON",
        "{\"Version\":\"2012-10-18\",\"Statement\":[]}|1:12|Version must be",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}|1:33|Principal is not allowed",
        "{\"Statement\":[{\"Effect\":\"allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}|1:25|Effect must be Allow or Deny",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}|1:46|duplicate key",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"NotResource\":\"*\",\"Resource\":\"*\"}]}|1:46|statement has both Resource and NotResource",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringEqual\":{}}}]}|1:74|unknown condition operator",
        "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"NullIfExists\":{}}}]}|1:74|unknown condition operator",
    })
    void rejectsInvalidPoliciesAtThePosition(String text, String position, String message) {
        InputException e = assertThrows(InputException.class, () -> PolicyReader.read(text, "p.json"));
        assertEquals("p.json:" + position, e.source() + ":" + e.position(), e.getMessage());
        assertEquals(true, e.getMessage().startsWith(message), e.getMessage());
    }

    /** Seeded: random valid policies survive read, write, read with nothing lost but order and duplicates. */
    @Test
    void randomPoliciesLoseNothing() throws InputException {
        long seed = Long.getLong("roundtrip.seed", 7L);
        Random random = new Random(seed);
        for (int i = 0; i < 5_000; i++) {
            String text = dev.policygen.json.JsonWriter.minified(RandomPolicies.json(random));
            PolicyDocument first = PolicyReader.read(text, "random");
            String written = PolicyWriter.pretty(first);
            PolicyDocument second = PolicyReader.read(written, "written");
            assertEquals(written, PolicyWriter.pretty(second), "seed " + seed + " policy " + i);
            assertEquals(semantic(JsonReader.read(text, "t")), semantic(JsonReader.read(written, "w")),
                    "seed " + seed + " policy " + i + ":\n" + text);
        }
    }

    /**
     * Jazzer: any text is a policy or an InputException, and a policy reads back as written. Seeds
     * (generated, blog and hand-written policies) are in PolicyRoundTripTestInputs.
     */
    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"\"Version\"", "\"2012-10-17\"", "\"2008-10-17\"", "\"Statement\"", "\"Effect\"",
        "\"Allow\"", "\"Deny\"", "\"Action\"", "\"NotAction\"", "\"Resource\"", "\"NotResource\"",
        "\"Condition\"", "\"Sid\"", "\"Id\"", "\"Principal\"", "\"ForAllValues:StringEquals\"",
        "\"ForAnyValue:StringLikeIfExists\"", "\"NumericLessThan\"", "\"DateGreaterThan\"", "\"IpAddress\"",
        "\"ArnLike\"", "\"Bool\"", "\"Null\"", "\"route53:ChangeResourceRecordSets\"", "\"*\"", "\\u0000"})
    void readerNeverThrowsAnythingButInputException(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            PolicyDocument document = PolicyReader.read(text, "fuzz");
            assertEquals(PolicyWriter.pretty(document), PolicyWriter.pretty(PolicyReader.read(
                    PolicyWriter.pretty(document), "again")));
        } catch (InputException expected) {
            // a located error is the contract for bad input
        }
    }

    /**
     * A comparable form: object members sorted by key, arrays as sorted unique sets of their elements.
     * An empty Condition object constrains nothing and is not written back, so it is left out here.
     */
    static String semantic(JsonNode node) {
        if (node instanceof JsonNode.JsonObject object) {
            List<String> members = new ArrayList<>();
            object.members().stream()
                    .filter(m -> !(m.key().equals("Condition") && m.value() instanceof JsonNode.JsonObject c
                            && c.members().isEmpty()))
                    .forEach(m -> members.add(m.key() + "=" + semantic(m.value())));
            members.sort(Comparator.naturalOrder());
            return "{" + String.join(",", members) + "}";
        }
        if (node instanceof JsonNode.JsonArray array) {
            List<String> elements = new ArrayList<>();
            array.elements().forEach(e -> elements.add(semantic(e)));
            return "[" + String.join(",", elements.stream().distinct().sorted().toList()) + "]";
        }
        if (node instanceof JsonNode.JsonString s) {
            return "s:" + s.value();
        }
        if (node instanceof JsonNode.JsonNumber n) {
            return "n:" + n.text();
        }
        if (node instanceof JsonNode.JsonBoolean b) {
            return "b:" + b.value();
        }
        return "null";
    }
}
