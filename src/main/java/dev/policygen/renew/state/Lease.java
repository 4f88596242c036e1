package dev.policygen.renew.state;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.json.JsonWriter;
import dev.policygen.json.LocatedJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * One certificate's lease as its object holds it: who holds it and until when. The holder's clock
 * wrote {@code expires}; a reader compares it with its own, so clocks must agree to well under the
 * lease duration (NTP gives milliseconds; the default duration is minutes).
 */
public record Lease(String certificate, String holder, Instant expires) {
    private static final int VERSION = 1;

    /** Whether the lease still holds at {@code now}. */
    public boolean live(Instant now) {
        return now.isBefore(expires);
    }

    byte[] render() {
        return JsonWriter.pretty(new JsonNode.JsonObject(List.of(
                member("version", new JsonNode.JsonNumber(Integer.toString(VERSION), SourcePosition.UNKNOWN)),
                member("certificate", string(certificate)),
                member("holder", string(holder)),
                member("expires", string(expires.toString()))), SourcePosition.UNKNOWN))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The lease in {@code body}; {@code source} names the object in errors. */
    static Lease parse(byte[] body, String source) throws InputException {
        JsonNode root = JsonReader.read(new String(body, StandardCharsets.UTF_8), source);
        LocatedJson json = new LocatedJson(source);
        JsonNode.JsonObject lease = json.object(root, "a lease");
        String expires = json.requiredString(lease, "expires", "a lease");
        try {
            return new Lease(json.requiredString(lease, "certificate", "a lease"),
                    json.requiredString(lease, "holder", "a lease"), Instant.parse(expires));
        } catch (DateTimeParseException e) {
            throw json.error(lease.get("expires").get(), "\"expires\" is not an instant: " + expires);
        }
    }

    private static JsonNode.Member member(String key, JsonNode value) {
        return new JsonNode.Member(key, SourcePosition.UNKNOWN, value);
    }

    private static JsonNode string(String value) {
        return new JsonNode.JsonString(value, SourcePosition.UNKNOWN);
    }
}
