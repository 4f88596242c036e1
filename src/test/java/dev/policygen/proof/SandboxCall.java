package dev.policygen.proof;

import dev.policygen.InputException;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonNode.JsonObject;
import dev.policygen.json.JsonNode.JsonString;
import dev.policygen.json.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the sandbox's call log as the renew proofs read it: when it arrived, the Route 53
 * operation, the path (which names the zone or the change), and the answer. Unlike
 * {@link ObservedCall} it keeps calls refused before authorization (Throttling), which the fault
 * proofs count.
 */
record SandboxCall(Instant time, String operation, String path, int status, String error) {
    static final String CHANGE = "ChangeResourceRecordSets";
    static final String GET_CHANGE = "GetChange";
    private static final Pattern ZONE = Pattern.compile("/hostedzone/([A-Z0-9]+)");

    /** Every line so far; a line still being written (no newline yet) is left for the next read. */
    static List<SandboxCall> read(Path callLog) throws IOException, InputException {
        List<SandboxCall> calls = new ArrayList<>();
        if (!Files.exists(callLog)) {
            return calls;
        }
        String text = Files.readString(callLog, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        for (String line : text.substring(0, end + 1).split("\n")) {
            if (!line.isBlank()) {
                calls.add(parse((JsonObject) JsonReader.read(line, callLog.toString())));
            }
        }
        return calls;
    }

    private static SandboxCall parse(JsonObject entry) {
        return new SandboxCall(Instant.parse(text(entry, "time")), text(entry, "operation"), text(entry, "path"),
                entry.get("status").map(n -> Integer.parseInt(((JsonNode.JsonNumber) n).text())).orElse(0),
                text(entry, "error"));
    }

    private static String text(JsonObject object, String key) {
        return object.get(key).filter(JsonString.class::isInstance).map(v -> ((JsonString) v).value()).orElse(null);
    }

    boolean ok() {
        return status == 200;
    }

    boolean is(String name) {
        return name.equals(operation);
    }

    boolean succeeded(String name) {
        return is(name) && ok();
    }

    /** The hosted zone id the path names, or "" for calls on no zone. */
    String zone() {
        Matcher zone = path == null ? null : ZONE.matcher(path);
        return zone != null && zone.find() ? zone.group(1) : "";
    }

    /** Successful ChangeResourceRecordSets per zone id: the changes that took effect, retries of failed ones not counted. */
    static Map<String, Integer> changesPerZone(List<SandboxCall> calls) {
        Map<String, Integer> counts = new TreeMap<>();
        for (SandboxCall call : calls) {
            if (call.succeeded(CHANGE)) {
                counts.merge(call.zone(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Calls of {@code operation} (null: any) that failed with {@code error}, or succeeded when it is null. */
    static long count(List<SandboxCall> calls, String operation, String error) {
        return calls.stream().filter(c -> operation == null || c.is(operation))
                .filter(c -> error == null ? c.ok() : error.equals(c.error())).count();
    }

    @Override
    public String toString() {
        return time + " " + operation + " " + path + " " + status + (error == null ? "" : " " + error);
    }
}
