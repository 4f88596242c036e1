package dev.policygen.sandbox;

import dev.policygen.InputException;
import dev.policygen.io.AtomicFile;
import dev.policygen.io.FileMode;
import dev.policygen.io.InputFiles;
import dev.policygen.json.JsonNode.JsonObject;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The sandbox's zones, record sets and changes as one JSON file in the state directory, so a
 * sandbox restarted on the same directory (a renewal run weeks later, say) finds its records.
 * Written to a temporary file and moved into place, so a crash never leaves half a file.
 */
final class StateFile {
    private final Path file;

    StateFile(Path file) {
        this.file = file;
    }

    /** Loads a saved state into the store; a missing file is an empty state. */
    void load(RecordStore store) throws InputException {
        if (!Files.exists(file)) {
            return;
        }
        String text = InputFiles.read(file, "sandbox state");
        JsonObject root = SandboxConfigFile.object(JsonReader.read(text, file.toString()), file);
        for (JsonNode zoneNode : SandboxConfigFile.array(root, "zones", file)) {
            JsonObject zone = SandboxConfigFile.object(zoneNode, file);
            HostedZone hostedZone = new HostedZone(SandboxConfigFile.text(zone, "id", file),
                    SandboxConfigFile.text(zone, "name", file), SandboxConfigFile.text(zone, "callerReference", file),
                    SandboxConfigFile.optionalText(zone, "comment"));
            TreeMap<RecordSetKey, RecordSet> sets = new TreeMap<>();
            for (JsonNode setNode : SandboxConfigFile.array(zone, "recordSets", file)) {
                JsonObject set = SandboxConfigFile.object(setNode, file);
                List<String> values = new ArrayList<>();
                for (JsonNode value : SandboxConfigFile.array(set, "values", file)) {
                    values.add(((JsonNode.JsonString) value).value());
                }
                String weight = SandboxConfigFile.optionalText(set, "weight");
                String multiValue = SandboxConfigFile.optionalText(set, "multiValueAnswer");
                RecordSet recordSet = new RecordSet(SandboxConfigFile.text(set, "name", file),
                        SandboxConfigFile.text(set, "type", file), SandboxConfigFile.optionalText(set, "setIdentifier"),
                        weight == null ? null : Long.valueOf(weight),
                        multiValue == null ? null : Boolean.valueOf(multiValue),
                        Long.parseLong(SandboxConfigFile.text(set, "ttl", file)), values);
                sets.put(recordSet.key(), recordSet);
            }
            store.restoreZone(hostedZone, sets);
        }
        for (JsonNode changeNode : SandboxConfigFile.array(root, "changes", file)) {
            JsonObject change = SandboxConfigFile.object(changeNode, file);
            store.restoreChange(new ChangeInfo(SandboxConfigFile.text(change, "id", file),
                    Instant.parse(SandboxConfigFile.text(change, "submittedAt", file)),
                    Instant.parse(SandboxConfigFile.text(change, "insyncAt", file)),
                    SandboxConfigFile.optionalText(change, "comment")));
        }
    }

    /** Saves the store; the caller holds the store's lock. */
    /** Replaces the file with {@code text}, a {@link #render}ed state. */
    void write(String text) {
        try {
            AtomicFile.replace(file, text.getBytes(StandardCharsets.UTF_8), FileMode.UMASK_DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the sandbox state to " + file, e);
        }
    }

    /** The state as the file holds it: zones with their record sets, then changes. */
    static String render(RecordStore store) {
        List<JsonNode> zones = new ArrayList<>();
        for (HostedZone zone : store.zones()) {
            List<JsonNode> sets = new ArrayList<>();
            for (RecordSet set : sets(store, zone)) {
                sets.add(recordSet(set));
            }
            zones.add(new StateJson().put("id", zone.id()).put("name", zone.name())
                    .put("callerReference", zone.callerReference()).put("comment", zone.comment())
                    .put("recordSets", sets).object());
        }
        List<JsonNode> changes = new ArrayList<>();
        for (ChangeInfo change : store.changes()) {
            changes.add(new StateJson().put("id", change.id()).put("submittedAt", change.submittedAt().toString())
                    .put("insyncAt", change.insyncAt().toString()).put("comment", change.comment()).object());
        }
        return new StateJson().put("zones", zones).put("changes", changes).text();
    }

    private static List<RecordSet> sets(RecordStore store, HostedZone zone) {
        try {
            return store.sets(zone.id());
        } catch (Route53Error e) {
            throw new IllegalStateException("cannot serialize the sandbox state", e);
        }
    }

    private static JsonNode recordSet(RecordSet set) {
        List<JsonNode> values = new ArrayList<>();
        for (String value : set.values()) {
            values.add(StateJson.string(value));
        }
        return new StateJson().put("name", set.name()).put("type", set.type())
                .put("setIdentifier", set.setIdentifier())
                .put("weight", set.weight() == null ? null : set.weight().toString())
                .put("multiValueAnswer", set.multiValueAnswer() == null ? null : set.multiValueAnswer().toString())
                .put("ttl", Long.toString(set.ttl())).put("values", values).object();
    }
}
