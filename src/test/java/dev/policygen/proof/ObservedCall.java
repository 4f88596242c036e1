package dev.policygen.proof;

import dev.policygen.InputException;
import dev.policygen.generate.PolicyGenerator;
import dev.policygen.json.JsonNode.JsonArray;
import dev.policygen.json.JsonNode.JsonObject;
import dev.policygen.json.JsonNode.JsonString;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.route53.Route53Names;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line of the sandbox's call log as the proofs need it: the IAM action and resource the
 * sandbox evaluated, the ChangeResourceRecordSets context (record names, types, change actions;
 * empty for other calls) and the decision. A request the sandbox refused before authorization (bad
 * signature, unknown path) has a null decision.
 */
record ObservedCall(String action, String resource, List<String> recordNames, List<String> recordTypes,
        List<String> changeActions, String decision, int status, String error) {

    static List<ObservedCall> read(Path callLog) throws IOException, InputException {
        List<ObservedCall> calls = new ArrayList<>();
        if (!Files.exists(callLog)) {
            return calls;
        }
        for (String line : Files.readAllLines(callLog, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                calls.add(parse((JsonObject) JsonReader.read(line, callLog.toString())));
            }
        }
        return calls;
    }

    private static ObservedCall parse(JsonObject entry) {
        JsonObject context = entry.get("context").filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
                .orElse(new JsonObject(List.of(), dev.policygen.SourcePosition.UNKNOWN));
        return new ObservedCall(text(entry, "action"), text(entry, "resource"),
                texts(context, Route53Names.KEY_NAMES), texts(context, Route53Names.KEY_TYPES),
                texts(context, Route53Names.KEY_ACTIONS), text(entry, "decision"),
                entry.get("status").map(n -> Integer.parseInt(((JsonNode.JsonNumber) n).text())).orElse(0),
                text(entry, "error"));
    }

    private static String text(JsonObject object, String key) {
        Optional<JsonNode> value = object.get(key);
        return value.filter(JsonString.class::isInstance).map(v -> ((JsonString) v).value()).orElse(null);
    }

    private static List<String> texts(JsonObject object, String key) {
        Optional<JsonNode> value = object.get(key);
        if (value.isEmpty() || !(value.get() instanceof JsonArray array)) {
            return value.filter(JsonString.class::isInstance).map(v -> List.of(((JsonString) v).value()))
                    .orElse(List.of());
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : array.elements()) {
            values.add(((JsonString) element).value());
        }
        return values;
    }

    boolean denied() {
        return "implicit-deny".equals(decision) || "explicit-deny".equals(decision);
    }

    @Override
    public String toString() {
        return action + " " + resource + (recordNames.isEmpty() ? "" : " names=" + recordNames + " types="
                + recordTypes + " actions=" + changeActions) + " -> " + decision + " " + status
                + (error == null ? "" : " " + error);
    }
}
