package dev.policygen.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.testing.CliRun;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every {@code src/test/resources/explain/scenarios/*.json} through the CLI: the input (optionally
 * edited by {@code replace}), {@code args}, {@code policies}; the expected {@code stdout} lines must appear
 * in that order (an empty list: nothing printed), {@code stderr} lines likewise, and the exit code must match.
 * Paths print relative to the fixture folder; {@code ${input}} in an expected line is the input's path.
 */
class ExplainScenariosTest {
    private static final Path FIXTURES = fixtures();

    @TempDir
    Path temp;

    static Stream<String> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES.resolve("scenarios"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList().stream();
        }
    }

    @Test
    void thereAreScenarios() throws IOException {
        assertTrue(scenarios().count() >= 10, "the scenario folder was not found or is nearly empty");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(String name) throws Exception {
        Path file = FIXTURES.resolve("scenarios").resolve(name);
        JsonNode.JsonObject scenario = (JsonNode.JsonObject) JsonReader.read(Files.readString(file), file.toString());
        String input = string(scenario, "input");
        Path base = FIXTURES;
        Optional<JsonNode> replace = scenario.get("replace");
        if (replace.isPresent()) {
            String text = Files.readString(FIXTURES.resolve(input));
            for (JsonNode.Member member : ((JsonNode.JsonObject) replace.get()).members()) {
                String with = ((JsonNode.JsonString) member.value()).value();
                assertTrue(text.contains(member.key()), name + ": replace finds no " + member.key());
                text = text.replace(member.key(), with);
            }
            Files.createDirectories(temp.resolve(input).getParent());
            Files.writeString(temp.resolve(input), text);
            base = temp;
        }
        List<String> args = new ArrayList<>(List.of("explain", base.resolve(input).toString()));
        args.addAll(strings(scenario, "args"));
        for (String policy : strings(scenario, "policies")) {
            args.add("--policy");
            args.add(FIXTURES.resolve(policy).toString());
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        String out = run.out().replace(FIXTURES + "/", "").replace(temp + "/", "");
        String err = run.err().replace(FIXTURES + "/", "").replace(temp + "/", "");
        String context = name + ":\n" + out + err;
        assertEquals(number(scenario, "exit"), run.exit(), context);
        List<String> expectedOut = strings(scenario, "stdout");
        if (expectedOut.isEmpty()) {
            assertEquals("", out, context);
        }
        inOrder(expectedOut, out, input, context);
        inOrder(strings(scenario, "stderr"), err, input, context);
        if (run.exit() != 3 && run.exit() != 2) {
            assertEquals("", err, context);
        } else {
            assertEquals(1, err.lines().count(), "one error line: " + context);
        }
    }

    /** Reads standard input for - (and when no INPUT is given). */
    @Test
    void readsStandardInput() throws Exception {
        String text = Files.readString(FIXTURES.resolve("inputs/cloudtrail-lego-txt.json"));
        var before = System.in;
        for (List<String> args : List.of(List.of("explain", "-"), List.of("explain"))) {
            try {
                System.setIn(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
                CliRun run = CliRun.of(args.toArray(String[]::new));
                assertEquals(0, run.exit(), run.all());
                assertTrue(run.out().contains("  allow it with: policygen generate --client lego --zone "
                        + "Z11111112222222333333 --domain www.example.com\n"), run.all());
            } finally {
                System.setIn(before);
            }
        }
    }

    private static void inOrder(List<String> expected, String actual, String input, String context) {
        List<String> lines = actual.lines().toList();
        int at = 0;
        for (String line : expected) {
            String wanted = line.replace("${input}", input);
            while (at < lines.size() && !lines.get(at).equals(wanted)) {
                at++;
            }
            if (at == lines.size()) {
                fail("missing (or out of order): " + wanted + "\nin " + context);
            }
            at++;
        }
    }

    private static String string(JsonNode.JsonObject object, String key) {
        return ((JsonNode.JsonString) object.get(key).orElseThrow()).value();
    }

    private static int number(JsonNode.JsonObject object, String key) {
        return Integer.parseInt(((JsonNode.JsonNumber) object.get(key).orElseThrow()).text());
    }

    private static List<String> strings(JsonNode.JsonObject object, String key) {
        Optional<JsonNode> node = object.get(key);
        if (node.isEmpty()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : ((JsonNode.JsonArray) node.get()).elements()) {
            values.add(((JsonNode.JsonString) element).value());
        }
        assertFalse(values.isEmpty() && !key.equals("stdout") && !key.equals("stderr"), key + " is empty");
        return values;
    }

    private static Path fixtures() {
        try {
            return Path.of(ExplainScenariosTest.class.getResource("/explain/scenarios").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
