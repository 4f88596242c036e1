package dev.policygen.renew.state;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.UsageException;
import dev.policygen.io.InputFiles;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.json.JsonWriter;
import dev.policygen.renew.state.Journal.Entry;
import dev.policygen.route53.HostedZoneId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal's file format: {@code {"version": 1, "entries": [{zone, name, value, certificate,
 * created}, ...]}}. A file that does not read back is reported at the position of the bad value.
 */
final class JournalCodec {
    private static final int VERSION = 1;

    private JournalCodec() {
    }

    static String render(List<Entry> list) {
        List<JsonNode> array = new ArrayList<>();
        for (Entry entry : list) {
            array.add(object(List.of(
                    member("zone", string(entry.zone().id())),
                    member("name", string(entry.recordName())),
                    member("value", string(entry.value())),
                    member("certificate", string(entry.certificate())),
                    member("created", string(entry.created().toString())))));
        }
        return JsonWriter.pretty(object(List.of(
                member("version", new JsonNode.JsonNumber(Integer.toString(VERSION), SourcePosition.UNKNOWN)),
                member("entries", new JsonNode.JsonArray(array, SourcePosition.UNKNOWN)))));
    }

    static List<Entry> read(Path file) throws InputException {
        if (!Files.exists(file)) {
            return new ArrayList<>();
        }
        String source = file.toString();
        String text = InputFiles.read(file, "the journal");
        JsonNode root = JsonReader.read(text, source);
        JsonNode.JsonObject top = object(root, source, "the journal");
        JsonNode version = top.get("version").orElseThrow(() -> shape(source, root, "the journal has no \"version\""));
        if (!(version instanceof JsonNode.JsonNumber number) || !number.text().equals(Integer.toString(VERSION))) {
            throw shape(source, version, "unsupported journal version; expected " + VERSION);
        }
        JsonNode list = top.get("entries").orElseThrow(() -> shape(source, root, "the journal has no \"entries\""));
        if (!(list instanceof JsonNode.JsonArray array)) {
            throw shape(source, list, "\"entries\" must be an array, not " + list.typeName());
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode element : array.elements()) {
            JsonNode.JsonObject entry = object(element, source, "a journal entry");
            String zone = text(entry, "zone", source);
            HostedZoneId zoneId;
            try {
                zoneId = HostedZoneId.parse(zone);
            } catch (UsageException e) {
                throw shape(source, entry.get("zone").get(), e.getMessage());
            }
            String created = text(entry, "created", source);
            Instant instant;
            try {
                instant = Instant.parse(created);
            } catch (DateTimeParseException e) {
                throw shape(source, entry.get("created").get(), "\"created\" is not an instant: " + created);
            }
            entries.add(new Entry(zoneId, text(entry, "name", source), text(entry, "value", source),
                    text(entry, "certificate", source), instant));
        }
        return entries;
    }

    private static JsonNode.JsonObject object(JsonNode node, String source, String what) throws InputException {
        if (node instanceof JsonNode.JsonObject object) {
            return object;
        }
        throw shape(source, node, what + " must be an object, not " + node.typeName());
    }

    private static String text(JsonNode.JsonObject entry, String key, String source) throws InputException {
        JsonNode value = entry.get(key).orElseThrow(() -> shape(source, entry, "journal entry has no \"" + key + "\""));
        if (value instanceof JsonNode.JsonString string) {
            return string.value();
        }
        throw shape(source, value, "\"" + key + "\" must be a string, not " + value.typeName());
    }

    private static InputException shape(String source, JsonNode at, String message) {
        return new InputException(source, at.position(), message
                + " (this file is written by policygen; if it was edited, restore it or remove its TXT values by hand)");
    }

    private static JsonNode.Member member(String key, JsonNode value) {
        return new JsonNode.Member(key, SourcePosition.UNKNOWN, value);
    }

    private static JsonNode string(String value) {
        return new JsonNode.JsonString(value, SourcePosition.UNKNOWN);
    }

    private static JsonNode object(List<JsonNode.Member> members) {
        return new JsonNode.JsonObject(members, SourcePosition.UNKNOWN);
    }
}
