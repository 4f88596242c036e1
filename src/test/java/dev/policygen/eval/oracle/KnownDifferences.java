package dev.policygen.eval.oracle;

import dev.policygen.InputException;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cases where policygen deliberately disagrees with iam-simulate, read from
 * oracle-known-differences.json. Each entry names a feature that {@link DifferenceFeatures}
 * detects in a pair, the decisions each side gives, and the AWS documentation that settles it.
 */
record KnownDifferences(List<Entry> entries) {

    /** {@code decisions}: the (policygen, iam-simulate) decision pairs this difference produces. */
    record Entry(String feature, List<List<String>> decisions, String reference) {
    }

    static KnownDifferences read(Path file) throws IOException, InputException {
        JsonNode root = JsonReader.read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        List<Entry> entries = new ArrayList<>();
        JsonNode.JsonArray list = (JsonNode.JsonArray) ((JsonNode.JsonObject) root).get("differences").orElseThrow();
        for (JsonNode element : list.elements()) {
            JsonNode.JsonObject entry = (JsonNode.JsonObject) element;
            List<List<String>> decisions = new ArrayList<>();
            for (JsonNode pair : ((JsonNode.JsonArray) entry.get("decisions").orElseThrow()).elements()) {
                decisions.add(((JsonNode.JsonArray) pair).elements().stream()
                        .map(n -> ((JsonNode.JsonString) n).value()).toList());
            }
            Entry parsed = new Entry(text(entry, "feature"), List.copyOf(decisions), text(entry, "reference"));
            text(entry, "explanation");
            if (!parsed.reference().contains("docs.aws.amazon.com")) {
                throw new IllegalStateException("known difference " + parsed.feature()
                        + " must cite the AWS documentation that settles it");
            }
            entries.add(parsed);
        }
        return new KnownDifferences(List.copyOf(entries));
    }

    private static String text(JsonNode.JsonObject object, String key) {
        return ((JsonNode.JsonString) object.get(key).orElseThrow(
                () -> new IllegalStateException("known difference without " + key))).value();
    }

    /** The listed difference that explains this disagreement, if any. */
    Optional<Entry> explain(List<String> features, String ours, String oracle) {
        return entries.stream()
                .filter(e -> features.contains(e.feature()) && e.decisions().contains(List.of(ours, oracle)))
                .findFirst();
    }
}
