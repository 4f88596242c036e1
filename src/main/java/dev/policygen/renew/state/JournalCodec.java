package dev.policygen.renew.state;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.UsageException;
import dev.policygen.io.InputFiles;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.json.JsonWriter;
import dev.policygen.json.LocatedJson;
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
        return parse(InputFiles.read(file, "the journal"), file.toString());
    }

    /** The entries of a journal's text; {@code source} names the file or object in errors. */
    static List<Entry> parse(String text, String source) throws InputException {
        JsonNode root = JsonReader.read(text, source);
        // every shape error carries the hint: nobody but policygen should write this file
        try {
            return entries(root, new LocatedJson(source));
        } catch (InputException e) {
            throw new InputException(source, e.position(), e.getMessage() + " (this file is written by policygen; "
                    + "if it was edited, restore it or remove its TXT values by hand)");
        }
    }

    private static List<Entry> entries(JsonNode root, LocatedJson json) throws InputException {
        JsonNode.JsonObject top = json.object(root, "the journal");
        JsonNode version = json.required(top, "version", "the journal");
        if (!(version instanceof JsonNode.JsonNumber number) || !number.text().equals(Integer.toString(VERSION))) {
            throw json.error(version, "unsupported journal version; expected " + VERSION);
        }
        JsonNode.JsonArray array = json.array(json.required(top, "entries", "the journal"), "\"entries\"");
        List<Entry> entries = new ArrayList<>();
        for (JsonNode element : array.elements()) {
            JsonNode.JsonObject entry = json.object(element, "a journal entry");
            String zone = json.requiredString(entry, "zone", "a journal entry");
            HostedZoneId zoneId;
            try {
                zoneId = HostedZoneId.parse(zone);
            } catch (UsageException e) {
                throw json.error(entry.get("zone").get(), e.getMessage());
            }
            String created = json.requiredString(entry, "created", "a journal entry");
            Instant instant;
            try {
                instant = Instant.parse(created);
            } catch (DateTimeParseException e) {
                throw json.error(entry.get("created").get(), "\"created\" is not an instant: " + created);
            }
            entries.add(new Entry(zoneId, json.requiredString(entry, "name", "a journal entry"),
                    json.requiredString(entry, "value", "a journal entry"),
                    json.requiredString(entry, "certificate", "a journal entry"), instant));
        }
        return entries;
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
