package dev.policygen.sandbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.policygen.InputException;
import dev.policygen.io.AtomicFile;
import dev.policygen.io.FileMode;
import dev.policygen.io.InputFiles;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonNode.JsonObject;
import dev.policygen.json.JsonReader;
import java.io.IOException;
import java.io.StringWriter;
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
    private static final JsonFactory JSON = new JsonFactory();
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
    void write(RecordStore store) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeArrayFieldStart("zones");
            for (HostedZone zone : store.zones()) {
                json.writeStartObject();
                json.writeStringField("id", zone.id());
                json.writeStringField("name", zone.name());
                json.writeStringField("callerReference", zone.callerReference());
                if (zone.comment() != null) {
                    json.writeStringField("comment", zone.comment());
                }
                json.writeArrayFieldStart("recordSets");
                for (RecordSet set : store.sets(zone.id())) {
                    writeSet(json, set);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("changes");
            for (ChangeInfo change : store.changes()) {
                json.writeStartObject();
                json.writeStringField("id", change.id());
                json.writeStringField("submittedAt", change.submittedAt().toString());
                json.writeStringField("insyncAt", change.insyncAt().toString());
                if (change.comment() != null) {
                    json.writeStringField("comment", change.comment());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException | Route53Error e) {
            throw new IllegalStateException("cannot serialize the sandbox state", e);
        }
        try {
            AtomicFile.replace(file, (text.toString() + "\n").getBytes(StandardCharsets.UTF_8), FileMode.UMASK_DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the sandbox state to " + file, e);
        }
    }

    private static void writeSet(JsonGenerator json, RecordSet set) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", set.name());
        json.writeStringField("type", set.type());
        if (set.setIdentifier() != null) {
            json.writeStringField("setIdentifier", set.setIdentifier());
        }
        if (set.weight() != null) {
            json.writeStringField("weight", set.weight().toString());
        }
        if (set.multiValueAnswer() != null) {
            json.writeStringField("multiValueAnswer", set.multiValueAnswer().toString());
        }
        json.writeStringField("ttl", Long.toString(set.ttl()));
        json.writeArrayFieldStart("values");
        for (String value : set.values()) {
            json.writeString(value);
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
