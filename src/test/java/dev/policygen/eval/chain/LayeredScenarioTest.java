package dev.policygen.eval.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.eval.AccessRequest;
import dev.policygen.eval.CompiledPolicy;
import dev.policygen.eval.ContextValue;
import dev.policygen.eval.Decision;
import dev.policygen.eval.RequestContext;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.model.PolicyReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every scenario in src/test/resources/chain-scenarios. A file holds the policy types
 * ({@code identity}, {@code scps}, {@code rcps}: arrays of policies; {@code permissionsBoundary},
 * {@code sessionPolicy}: one policy) and {@code cases}; a case may replace any of them, and has a
 * {@code request} ({@code action}, {@code resource}, {@code context}), the expected {@code decision},
 * optionally {@code decidedBy} (the policy type that decided) and {@code sid} (its deciding statement).
 */
class LayeredScenarioTest {
    private static final Path DIR = Path.of(System.getProperty("policygen.root", "."), "src/test/resources/chain-scenarios");

    @TestFactory
    Stream<DynamicContainer> scenarios() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(DIR)) {
            files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no scenario files in " + DIR);
        return files.stream().map(file -> DynamicContainer.dynamicContainer(file.getFileName().toString(), cases(file)));
    }

    private static Stream<DynamicTest> cases(Path file) {
        try {
            JsonNode.JsonObject root = (JsonNode.JsonObject) JsonReader.read(
                    Files.readString(file, StandardCharsets.UTF_8), file.toString());
            List<DynamicTest> tests = new ArrayList<>();
            for (JsonNode element : ((JsonNode.JsonArray) root.get("cases").orElseThrow()).elements()) {
                JsonNode.JsonObject scenario = (JsonNode.JsonObject) element;
                tests.add(DynamicTest.dynamicTest(text(scenario, "name"), () -> run(file, root, scenario)));
            }
            assertFalse(tests.isEmpty(), file + " has no cases");
            return tests.stream();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read scenario file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void run(Path file, JsonNode.JsonObject root, JsonNode.JsonObject scenario) throws Exception {
        int[] index = {0};
        LayeredPolicies policies = new LayeredPolicies(
                list(pick(scenario, root, "rcps"), "rcp", index, file),
                list(pick(scenario, root, "scps"), "scp", index, file),
                list(pick(scenario, root, "identity"), "identity", index, file),
                one(pick(scenario, root, "permissionsBoundary"), "boundary", index, file),
                one(pick(scenario, root, "sessionPolicy"), "session", index, file));
        AccessRequest request = request((JsonNode.JsonObject) scenario.get("request").orElseThrow());
        LayeredEvaluation evaluation = new LayeredEvaluator(policies).evaluate(request);
        String report = LayeredReport.text(request, evaluation);
        assertEquals(Decision.fromJson(text(scenario, "decision")), evaluation.decision(), report);
        if (scenario.get("decidedBy").isPresent()) {
            assertEquals(text(scenario, "decidedBy"),
                    evaluation.decidedBy().map(l -> l.type().json()).orElse("all"), report);
        }
        if (scenario.get("sid").isPresent()) {
            String sid = text(scenario, "sid");
            LayerResult decider = evaluation.decidedBy().orElseThrow(() -> new AssertionError("no deciding layer\n" + report));
            assertTrue(decider.evaluation().deciding().stream().anyMatch(r -> r.sid().orElse("").equals(sid)),
                    () -> "expected Sid " + sid + " to decide\n" + report);
        }
    }

    static Optional<JsonNode> pick(JsonNode.JsonObject scenario, JsonNode.JsonObject root, String key) {
        return scenario.get(key).isPresent() ? scenario.get(key) : root.get(key);
    }

    static List<CompiledPolicy> list(Optional<JsonNode> node, String name, int[] index, Path file)
            throws Exception {
        List<CompiledPolicy> out = new ArrayList<>();
        if (node.isPresent()) {
            for (JsonNode policy : ((JsonNode.JsonArray) node.get()).elements()) {
                out.add(CompiledPolicy.compile(PolicyReader.fromJson(policy, file.toString()), index[0],
                        name + "-" + index[0]++));
            }
        }
        return out;
    }

    static Optional<CompiledPolicy> one(Optional<JsonNode> node, String name, int[] index, Path file)
            throws Exception {
        if (node.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(CompiledPolicy.compile(PolicyReader.fromJson(node.get(), file.toString()), index[0]++, name));
    }

    static AccessRequest request(JsonNode.JsonObject request) {
        List<ContextValue> context = new ArrayList<>();
        if (request.get("context").isPresent()) {
            for (JsonNode.Member member : ((JsonNode.JsonObject) request.get("context").get()).members()) {
                context.add(ContextValue.single(member.key(), ((JsonNode.JsonString) member.value()).value()));
            }
        }
        return new AccessRequest(text(request, "action"), text(request, "resource"), RequestContext.of(context));
    }

    static String text(JsonNode.JsonObject object, String key) {
        return ((JsonNode.JsonString) object.get(key).orElseThrow(
                () -> new IllegalStateException("missing \"" + key + "\""))).value();
    }
}
