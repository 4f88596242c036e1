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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One certificate's lease as its object holds it: who holds it, until when, and the ACME order its
 * holder created and has not finished (so a runner taking the lease over resumes that order rather
 * than ordering again). The holder's clock
 * wrote {@code expires}; a reader compares it with its own, so clocks must agree to well under the
 * lease duration (NTP gives milliseconds; the default duration is minutes).
 */
public record Lease(String certificate, String holder, Instant expires, Optional<String> order) {
    private static final int VERSION = 1;

    /** A lease with no order recorded. */
    public Lease(String certificate, String holder, Instant expires) {
        this(certificate, holder, expires, Optional.empty());
    }

    /** Whether the lease still holds at {@code now}. */
    public boolean live(Instant now) {
        return now.isBefore(expires);
    }

    byte[] render() {
        List<JsonNode.Member> members = new ArrayList<>(List.of(
                member("version", new JsonNode.JsonNumber(Integer.toString(VERSION), SourcePosition.UNKNOWN)),
                member("certificate", string(certificate)),
                member("holder", string(holder)),
                member("expires", string(expires.toString()))));
        order.ifPresent(url -> members.add(member("order", string(url))));
        return JsonWriter.pretty(new JsonNode.JsonObject(members, SourcePosition.UNKNOWN))
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
                    json.requiredString(lease, "holder", "a lease"), Instant.parse(expires),
                    order(json, lease));
        } catch (DateTimeParseException e) {
            throw json.error(lease.get("expires").get(), "\"expires\" is not an instant: " + expires);
        }
    }

    private static Optional<String> order(LocatedJson json, JsonNode.JsonObject lease) throws InputException {
        Optional<JsonNode> order = lease.get("order");
        return order.isPresent() ? Optional.of(json.string(order.get(), "a lease's \"order\"")) : Optional.empty();
    }

    private static JsonNode.Member member(String key, JsonNode value) {
        return new JsonNode.Member(key, SourcePosition.UNKNOWN, value);
    }

    private static JsonNode string(String value) {
        return new JsonNode.JsonString(value, SourcePosition.UNKNOWN);
    }
}
