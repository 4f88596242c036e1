package dev.policygen.eval.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.eval.AccessRequest;
import dev.policygen.eval.CompiledPolicy;
import dev.policygen.eval.ContextValue;
import dev.policygen.eval.Decision;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.json.JsonWriter;
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
 * Runs every scenario in src/test/resources/chain-scenarios/chains: a file holds {@code trustPolicy},
 * {@code roleArn}, the role's policy types ({@code identity}, {@code scps}, ... as in
 * {@link LayeredScenarioTest}), the caller ({@code principal}, for a role session {@code callerRole} (its role's
 * ARN with the path), {@code webIdentity}, {@code callerPolicies},
 * {@code callerBoundary}, {@code callerScps}) and {@code cases}; a case may replace any of them and has {@code assumeContext},
 * {@code request}, the chain's {@code decision}, and optionally {@code hop1} / {@code hop1DecidedBy} /
 * {@code hop2DecidedBy}.
 */
class ChainScenarioTest {
    private static final Path DIR = Path.of(System.getProperty("policygen.root", "."),
            "src/test/resources/chain-scenarios/chains");

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
                tests.add(DynamicTest.dynamicTest(LayeredScenarioTest.text(scenario, "name"),
                        () -> run(file, root, scenario)));
            }
            assertFalse(tests.isEmpty(), file + " has no cases");
            return tests.stream();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read scenario file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void run(Path file, JsonNode.JsonObject root, JsonNode.JsonObject scenario) throws Exception {
        int[] index = {0};
        LayeredPolicies role = new LayeredPolicies(
                LayeredScenarioTest.list(LayeredScenarioTest.pick(scenario, root, "rcps"), "rcp", index, file),
                LayeredScenarioTest.list(LayeredScenarioTest.pick(scenario, root, "scps"), "scp", index, file),
                LayeredScenarioTest.list(LayeredScenarioTest.pick(scenario, root, "identity"), "identity", index, file),
                LayeredScenarioTest.one(LayeredScenarioTest.pick(scenario, root, "permissionsBoundary"), "boundary", index, file),
                LayeredScenarioTest.one(LayeredScenarioTest.pick(scenario, root, "sessionPolicy"), "session", index, file));
        LayeredPolicies callerPolicies = new LayeredPolicies(List.of(),
                LayeredScenarioTest.list(LayeredScenarioTest.pick(scenario, root, "callerScps"), "caller-scp", index, file),
                LayeredScenarioTest.list(LayeredScenarioTest.pick(scenario, root, "callerPolicies"), "caller", index, file),
                LayeredScenarioTest.one(LayeredScenarioTest.pick(scenario, root, "callerBoundary"), "caller-boundary",
                        index, file), Optional.empty());
        JsonNode trustNode = LayeredScenarioTest.pick(scenario, root, "trustPolicy").orElseThrow();
        CompiledPolicy trust = TrustPolicyCompiler.compile(JsonWriter.pretty(trustNode), "trust", index[0]);
        boolean web = LayeredScenarioTest.pick(scenario, root, "webIdentity")
                .map(n -> ((JsonNode.JsonBoolean) n).value()).orElse(false);
        Optional<JsonNode> callerRole = LayeredScenarioTest.pick(scenario, root, "callerRole");
        Caller caller = callerRole.isPresent()
                ? Caller.session(string(scenario, root, "principal"), ((JsonNode.JsonString) callerRole.get()).value(),
                        callerPolicies)
                : new Caller(string(scenario, root, "principal"), web, callerPolicies);
        List<ContextValue> assumeContext = new ArrayList<>();
        Optional<JsonNode> context = LayeredScenarioTest.pick(scenario, root, "assumeContext");
        if (context.isPresent()) {
            for (JsonNode.Member m : ((JsonNode.JsonObject) context.get()).members()) {
                assumeContext.add(ContextValue.single(m.key(), ((JsonNode.JsonString) m.value()).value()));
            }
        }
        AccessRequest request = LayeredScenarioTest.request(
                (JsonNode.JsonObject) LayeredScenarioTest.pick(scenario, root, "request").orElseThrow());
        ChainEvaluation chain = new ChainEvaluator(caller, string(scenario, root, "roleArn"), trust, role)
                .evaluate(assumeContext, request);
        String report = ChainReport.text(chain);
        assertEquals(Decision.fromJson(LayeredScenarioTest.text(scenario, "decision")), chain.decision(), report);
        if (scenario.get("hop1").isPresent()) {
            assertEquals(LayeredScenarioTest.text(scenario, "hop1"), chain.hops().get(0).decision().json(), report);
        }
        if (scenario.get("hop1DecidedBy").isPresent()) {
            assertEquals(LayeredScenarioTest.text(scenario, "hop1DecidedBy"),
                    chain.hops().get(0).decidedBy().map(l -> l.type().json()).orElse("all"), report);
        }
        if (scenario.get("hops").isPresent()) {
            assertEquals(Integer.parseInt(((JsonNode.JsonNumber) scenario.get("hops").get()).text()),
                    chain.hops().size(), report);
        }
        if (scenario.get("hop2DecidedBy").isPresent()) {
            assertTrue(chain.hops().size() >= 2, report);
            assertEquals(LayeredScenarioTest.text(scenario, "hop2DecidedBy"),
                    chain.hops().get(1).decidedBy().map(l -> l.type().json()).orElse("all"), report);
        }
    }

    private static String string(JsonNode.JsonObject scenario, JsonNode.JsonObject root, String key) {
        return ((JsonNode.JsonString) LayeredScenarioTest.pick(scenario, root, key).orElseThrow(
                () -> new IllegalStateException("missing \"" + key + "\""))).value();
    }
}
