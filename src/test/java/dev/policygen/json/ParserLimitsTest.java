package dev.policygen.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.policygen.InputException;
import dev.policygen.yaml.YamlTreeReader;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 5: the parsers' own limits give one clear line in policygen's words, never Jackson's
 * ("StreamReadConstraints.getMaxNestingDepth()"), and lengths a 16 MiB input may hold are accepted.
 */
class ParserLimitsTest {
    @Test
    void nestingDeeperThanTheLimitIsOneLineAtItsPosition() throws Exception {
        String deep = "[".repeat(JsonReader.MAX_DEPTH + 1) + "]".repeat(JsonReader.MAX_DEPTH + 1);
        InputException e = assertThrows(InputException.class, () -> JsonReader.read(deep, "deep.json"));
        assertEquals("deep.json:1:65: nested deeper than 64 levels", e.located());
        String deepest = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
        JsonReader.read(deepest, "ok.json");
    }

    @Test
    void yamlNestingIsReportedTheSameWay() {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i <= JsonReader.MAX_DEPTH; i++) {
            yaml.append("  ".repeat(i)).append("k:\n");
        }
        yaml.append("  ".repeat(JsonReader.MAX_DEPTH + 1)).append("v\n");
        InputException e = assertThrows(InputException.class, () -> YamlTreeReader.read(yaml.toString(), "t.yaml"));
        assertEquals("nested deeper than 64 levels", e.getMessage());
    }

    @Test
    void longNumbersNamesAndStringsAreReadNotRefusedInJacksonsWords() throws Exception {
        String number = "1".repeat(5_000);
        String name = "k".repeat(60_000);
        JsonNode node = JsonReader.read("{\"" + name + "\": " + number + "}", "long.json");
        assertEquals(number, ((JsonNode.JsonNumber) ((JsonNode.JsonObject) node).members().get(0).value()).text());
        String bigYaml = "- abcdefghijklmn\n".repeat(200_000);
        // over SnakeYAML's default of 3 MB, which it refused in its own words
        YamlTreeReader.read(bigYaml, "big.yaml");
    }
}
