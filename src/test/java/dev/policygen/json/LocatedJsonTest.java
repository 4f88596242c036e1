package dev.policygen.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.policygen.InputException;
import dev.policygen.json.JsonNode.JsonObject;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocatedJsonTest {
    private static final LocatedJson JSON = new LocatedJson("c.json");

    @Test
    void readsTheShapesItIsAskedFor() throws Exception {
        JsonObject root = JSON.object(JsonReader.read("{\"name\": \"www\", \"tags\": [\"a\"]}", "c.json"), "the config",
                Set.of("name", "tags"));
        assertEquals("www", JSON.requiredString(root, "name", "the config"));
        assertEquals(1, JSON.optionalArray(root, "tags").size());
        assertEquals(List.of(), JSON.optionalArray(root, "absent"));
    }

    @Test
    void aWrongTypeNamesWhatAndBothTypesAtTheValue() {
        JsonNode node = parse("{\n  \"name\": 3\n}");
        InputException notArray = assertThrows(InputException.class, () -> JSON.array(node, "the config"));
        assertEquals("c.json:1:1: the config must be an array, not an object", notArray.located());
        InputException notString = assertThrows(InputException.class,
                () -> JSON.requiredString((JsonObject) node, "name", "the config"));
        assertEquals("c.json:2:11: \"name\" must be a string, not a number", notString.located());
    }

    @Test
    void aMissingKeyIsReportedAtItsObject() {
        JsonObject node = (JsonObject) ((JsonNode.JsonArray) parse("[1,\n {\"a\": \"x\"}]")).elements().get(1);
        InputException e = assertThrows(InputException.class, () -> JSON.required(node, "b", "an entry"));
        assertEquals("c.json:2:2: an entry needs \"b\"", e.located());
    }

    @Test
    void unknownAndDuplicateKeysFailAtTheKey() {
        JsonNode typo = parse("{\"nmae\": \"x\"}");
        InputException unknown = assertThrows(InputException.class,
                () -> JSON.object(typo, "the config", Set.of("tags", "name")));
        assertEquals("c.json:1:2: unknown key \"nmae\" in the config; expected one of name, tags", unknown.located());
        JsonNode twice = parse("{\"name\": \"x\", \"name\": \"y\"}");
        InputException duplicate = assertThrows(InputException.class,
                () -> JSON.object(twice, "the config", Set.of("name")));
        assertEquals("c.json:1:15: duplicate key \"name\" in the config", duplicate.located());
    }

    @Test
    void aBlankStringIsEmpty() {
        JsonNode blank = parse("\"  \"");
        InputException e = assertThrows(InputException.class, () -> JSON.nonBlankString(blank, "\"name\""));
        assertEquals("\"name\" must not be empty", e.getMessage());
    }

    private static JsonNode parse(String text) {
        try {
            return JsonReader.read(text, "c.json");
        } catch (InputException e) {
            throw new AssertionError(e);
        }
    }
}
