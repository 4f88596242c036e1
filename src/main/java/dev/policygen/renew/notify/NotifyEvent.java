package dev.policygen.renew.notify;

import dev.policygen.SourcePosition;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One notification: a certificate renewed, its renewal failed, or it failed and the certificate in
 * service expires within the warning window. The same JSON body goes to a webhook and into an SNS
 * message, so a subscriber reads one shape whichever way it is reached.
 *
 * @param locations where a renewed certificate was delivered (the destinations' ARNs or files)
 * @param reason why a renewal failed; empty for a renewed one
 */
public record NotifyEvent(Kind kind, String certificate, Optional<Instant> expiry, List<String> locations,
        Optional<String> reason, Instant at) {
    public enum Kind {
        RENEWED("renewed"), FAILED("failed"), EXPIRING("expiring");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        /** The event's name in the JSON body, the log and the webhook's event header. */
        public String wire() {
            return wire;
        }
    }

    public NotifyEvent {
        locations = List.copyOf(locations);
    }

    /** The body: {"event","certificate","expiry","destinations","reason","time"}, minified. */
    public String json() {
        List<JsonNode.Member> members = new ArrayList<>();
        members.add(member("event", string(kind.wire)));
        members.add(member("certificate", string(certificate)));
        members.add(member("expiry", expiry.<JsonNode>map(e -> string(e.toString()))
                .orElse(new JsonNode.JsonNull(SourcePosition.UNKNOWN))));
        members.add(member("destinations", new JsonNode.JsonArray(
                locations.stream().<JsonNode>map(NotifyEvent::string).toList(), SourcePosition.UNKNOWN)));
        members.add(member("reason", reason.<JsonNode>map(NotifyEvent::string)
                .orElse(new JsonNode.JsonNull(SourcePosition.UNKNOWN))));
        members.add(member("time", string(at.toString())));
        return JsonWriter.minified(new JsonNode.JsonObject(members, SourcePosition.UNKNOWN));
    }

    /**
     * An SNS subject: ASCII, one line, under 100 characters (SNS's limits), e.g.
     * {@code policygen renew: renewed example.com}.
     */
    public String subject() {
        StringBuilder subject = new StringBuilder();
        for (char c : ("policygen renew: " + kind.wire + " " + certificate).toCharArray()) {
            subject.append(c >= ' ' && c < 0x7f ? c : '?');
        }
        return subject.length() > 99 ? subject.substring(0, 99) : subject.toString();
    }

    private static JsonNode.Member member(String key, JsonNode value) {
        return new JsonNode.Member(key, SourcePosition.UNKNOWN, value);
    }

    private static JsonNode string(String value) {
        return new JsonNode.JsonString(value, SourcePosition.UNKNOWN);
    }
}
