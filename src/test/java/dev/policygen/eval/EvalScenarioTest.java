package dev.policygen.eval;

import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.model.PolicyDocument;
import dev.policygen.model.PolicyReader;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.Partition;
import dev.policygen.route53.RecordChange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every scenario in src/test/resources/eval-scenarios. A file holds {@code policies} and
 * {@code cases}; a case has a {@code request} ({@code action}, {@code resource}, {@code context}
 * where a string is a single-valued key and an array a multivalued one, or the Route 53 shorthand
 * {@code zone} + {@code changes}), the expected {@code decision}, optionally the deciding
 * {@code sid}, and optionally its own {@code policies}.
 */
class EvalScenarioTest {
    private static final Path DIR = Path.of(System.getProperty("policygen.root", "."), "src/test/resources/eval-scenarios");

    @TestFactory
    Stream<DynamicContainer> scenarios() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(DIR)) {
            files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no scenario files in " + DIR);
        return files.stream().map(file -> DynamicContainer.dynamicContainer(file.getFileName().toString(),
                cases(file)));
    }

    private static Stream<DynamicTest> cases(Path file) {
        try {
            JsonNode.JsonObject root = (JsonNode.JsonObject) JsonReader.read(
                    Files.readString(file, StandardCharsets.UTF_8), file.toString());
            List<PolicyDocument> shared = policies(root, file);
            List<JsonNode> cases = ((JsonNode.JsonArray) root.get("cases").orElseThrow()).elements();
            assertFalse(cases.isEmpty(), file + " has no cases");
            List<DynamicTest> tests = new ArrayList<>();
            for (JsonNode element : cases) {
                JsonNode.JsonObject scenario = (JsonNode.JsonObject) element;
                String name = text(scenario, "name");
                tests.add(DynamicTest.dynamicTest(name, () -> run(file, shared, scenario)));
            }
            return tests.stream();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read scenario file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void run(Path file, List<PolicyDocument> shared, JsonNode.JsonObject scenario) throws Exception {
        List<PolicyDocument> own = policies(scenario, file);
        List<PolicyDocument> documents = own.isEmpty() ? shared : own;
        assertFalse(documents.isEmpty(), "scenario has no policies");
        AccessRequest request = request((JsonNode.JsonObject) scenario.get("request").orElseThrow());
        Evaluation evaluation = PolicyEvaluator.of(documents).evaluate(request);
        Decision expected = Decision.fromJson(text(scenario, "decision"));
        assertEquals(expected, evaluation.decision(), () -> EvaluationReport.text(request, evaluation));
        if (scenario.get("sid").isPresent()) {
            String sid = text(scenario, "sid");
            assertTrue(evaluation.deciding().stream().anyMatch(ref -> ref.sid().orElse("").equals(sid)),
                    () -> "expected Sid " + sid + " to decide\n" + EvaluationReport.text(request, evaluation));
        }
    }

    private static List<PolicyDocument> policies(JsonNode.JsonObject object, Path file) throws Exception {
        List<PolicyDocument> documents = new ArrayList<>();
        if (object.get("policies").isPresent()) {
            for (JsonNode policy : ((JsonNode.JsonArray) object.get("policies").get()).elements()) {
                documents.add(PolicyReader.fromJson(policy, file.toString()));
            }
        }
        return documents;
    }

    private static AccessRequest request(JsonNode.JsonObject request) throws Exception {
        List<ContextValue> context = new ArrayList<>();
        if (request.get("context").isPresent()) {
            for (JsonNode.Member member : ((JsonNode.JsonObject) request.get("context").get()).members()) {
                if (member.value() instanceof JsonNode.JsonArray array) {
                    context.add(ContextValue.multi(member.key(),
                            array.elements().stream().map(n -> ((JsonNode.JsonString) n).value()).toList()));
                } else {
                    context.add(ContextValue.single(member.key(), ((JsonNode.JsonString) member.value()).value()));
                }
            }
        }
        if (request.get("zone").isPresent()) {
            List<RecordChange> changes = new ArrayList<>();
            for (JsonNode change : ((JsonNode.JsonArray) request.get("changes").orElseThrow()).elements()) {
                changes.add(RecordChange.parse(((JsonNode.JsonString) change).value()));
            }
            return ChangeBatch.request(Partition.AWS, HostedZoneId.parse(text(request, "zone")), changes, context);
        }
        return new AccessRequest(text(request, "action"), text(request, "resource"), RequestContext.of(context));
    }

    private static String text(JsonNode.JsonObject object, String key) {
        return ((JsonNode.JsonString) object.get(key).orElseThrow(
                () -> new IllegalStateException("missing \"" + key + "\""))).value();
    }
}
