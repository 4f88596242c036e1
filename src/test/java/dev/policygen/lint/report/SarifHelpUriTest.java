package dev.policygen.lint.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.SourcePosition;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.lint.Finding;
import dev.policygen.lint.Severity;
import dev.policygen.lint.rules.RuleRegistry;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * SARIF 2.1.0 requires helpUri (3.49.12) and informationUri (3.19.8) to be absolute URIs: with the
 * build's published docs URL they are that URL plus the page, without one they are left out.
 */
class SarifHelpUriTest {
    private static final URI BASE = URI.create("https://docs.example.com/policygen/main/");

    private static JsonNode.JsonObject driver(Optional<URI> base) throws Exception {
        String sarif = SarifReport.render(List.of(new Finding("PG301", Severity.ERROR, "p.json",
                new SourcePosition(1, 1), "m")), List.of(), base);
        JsonNode run = ((JsonNode.JsonArray) ((JsonNode.JsonObject) JsonReader.read(sarif, "sarif")).get("runs")
                .orElseThrow()).elements().get(0);
        return (JsonNode.JsonObject) ((JsonNode.JsonObject) ((JsonNode.JsonObject) run).get("tool").orElseThrow())
                .get("driver").orElseThrow();
    }

    private static String string(JsonNode node, String key) {
        return ((JsonNode.JsonString) ((JsonNode.JsonObject) node).get(key).orElseThrow()).value();
    }

    @Test
    void withADocsUrlEveryHelpUriIsAbsolute() throws Exception {
        JsonNode.JsonObject driver = driver(Optional.of(BASE));
        assertEquals(BASE + "README.md", string(driver, "informationUri"));
        List<JsonNode> rules = ((JsonNode.JsonArray) driver.get("rules").orElseThrow()).elements();
        assertEquals(RuleRegistry.all().size(), rules.size());
        for (JsonNode rule : rules) {
            URI help = URI.create(string(rule, "helpUri"));
            assertTrue(help.isAbsolute(), help.toString());
            assertEquals(BASE + "docs/rules/" + string(rule, "id") + ".md", help.toString());
        }
    }

    @Test
    void withoutOneThereIsNoRelativeUri() throws Exception {
        JsonNode.JsonObject driver = driver(Optional.empty());
        assertTrue(driver.get("informationUri").isEmpty());
        for (JsonNode rule : ((JsonNode.JsonArray) driver.get("rules").orElseThrow()).elements()) {
            assertTrue(((JsonNode.JsonObject) rule).get("helpUri").isEmpty(), string(rule, "id"));
        }
    }

    @Test
    void onlyAnAbsoluteWebUrlEndingInASlashIsABase() {
        assertEquals(Optional.of(BASE), DocsUrl.parse(" " + BASE + "\n"));
        for (String bad : List.of("", "docs/", "/docs/", "https://docs.example.com/x", "file:///srv/docs/",
                "${policygen.docs.url}", "https:///nohost/")) {
            assertEquals(Optional.empty(), DocsUrl.parse(bad), bad);
        }
        assertEquals(Optional.empty(), DocsUrl.configured(), "this build publishes no docs URL (pom.xml)");
    }
}
