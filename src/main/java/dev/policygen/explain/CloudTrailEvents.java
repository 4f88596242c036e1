package dev.policygen.explain;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.UsageException;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.RecordChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CloudTrail records read back into requests. Three shapes are accepted: one record (an object with
 * {@code eventName}), a log file ({@code {"Records": [...]}}), and {@code aws cloudtrail lookup-events}
 * output, whose {@code Events[].CloudTrailEvent} holds each record as a JSON string. The fields used are
 * those of the documented record (reference identity-and-fleet.md §5.3): {@code eventSource},
 * {@code eventName}, {@code userIdentity.arn}, {@code sourceIPAddress}, {@code userAgent},
 * {@code errorCode}/{@code errorMessage} and, for ChangeResourceRecordSets,
 * {@code requestParameters.hostedZoneId} and {@code requestParameters.changeBatch.changes[]} with
 * {@code action} and {@code resourceRecordSet.name}/{@code type}.
 */
final class CloudTrailEvents {
    private static final String SERVICE_SUFFIX = ".amazonaws.com";

    private CloudTrailEvents() {
    }

    static List<DeniedRequest> read(String text, String source) throws InputException {
        JsonNode root = JsonReader.read(text, source);
        List<JsonNode> records = new ArrayList<>();
        if (root instanceof JsonNode.JsonObject object && object.get("Records").isPresent()) {
            records.addAll(array(object.get("Records").get(), source, "Records").elements());
        } else if (root instanceof JsonNode.JsonObject object && object.get("Events").isPresent()) {
            for (JsonNode event : array(object.get("Events").get(), source, "Events").elements()) {
                JsonNode embedded = event instanceof JsonNode.JsonObject e ? e.get("CloudTrailEvent").orElse(null) : null;
                if (!(embedded instanceof JsonNode.JsonString string)) {
                    throw bad(source, event.position(), "expected Events[].CloudTrailEvent, the record as a JSON string,"
                            + " as aws cloudtrail lookup-events prints it");
                }
                records.add(JsonReader.read(string.value(), source + " (CloudTrailEvent at line "
                        + event.position().line() + ")"));
            }
        } else if (root instanceof JsonNode.JsonArray array) {
            records.addAll(array.elements());
        } else {
            records.add(root);
        }
        List<DeniedRequest> requests = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            requests.add(request(records.get(i), source, records.size() == 1 ? "CloudTrail record"
                    : "CloudTrail record " + (i + 1)));
        }
        if (requests.isEmpty()) {
            throw bad(source, root.position(), "no CloudTrail record in the input");
        }
        return requests;
    }

    private static DeniedRequest request(JsonNode node, String source, String origin) throws InputException {
        if (!(node instanceof JsonNode.JsonObject record) || record.get("eventName").isEmpty()) {
            throw bad(source, node.position(), "expected a CloudTrail record (an object with eventName and eventSource),"
                    + " a {\"Records\": [...]} file or aws cloudtrail lookup-events output");
        }
        String eventName = string(record, "eventName").orElse("");
        String service = string(record, "eventSource").map(CloudTrailEvents::servicePrefix).orElse("route53");
        JsonNode.JsonObject parameters = object(record, "requestParameters");
        // the hosted-zone calls (GetHostedZone, DeleteHostedZone, ...) name their zone "id"; GetChange's is a change
        Optional<String> zone = parameters == null ? Optional.empty()
                : string(parameters, "hostedZoneId").or(() -> eventName.equals("GetChange")
                        ? Optional.empty() : string(parameters, "id")).map(CloudTrailEvents::bareZone);
        if (zone.isPresent()) {
            try {
                zone = Optional.of(HostedZoneId.parse(zone.get()).id());
            } catch (UsageException e) {
                throw bad(source, parameters.position(), e.getMessage());
            }
        }
        Optional<String> resource = zone.map(id -> "arn:aws:route53:::hostedzone/" + id);
        if (eventName.equals("GetChange") && parameters != null) {
            resource = string(parameters, "id").map(id -> "arn:aws:route53:::change/"
                    + (id.startsWith("/change/") ? id.substring("/change/".length()) : id));
        }
        List<RecordChange> changes = new ArrayList<>();
        JsonNode.JsonObject batch = parameters == null ? null : object(parameters, "changeBatch");
        boolean recordsKnown = false;
        if (batch != null && batch.get("changes").isPresent()) {
            recordsKnown = true;
            for (JsonNode change : array(batch.get("changes").get(), source, "changeBatch.changes").elements()) {
                changes.add(change(change, source));
            }
        }
        Optional<String> principal = Optional.ofNullable(object(record, "userIdentity")).flatMap(id -> string(id, "arn"));
        Optional<String> error = string(record, "errorCode")
                .map(code -> code + string(record, "errorMessage").map(m -> ": " + m).orElse(""));
        Optional<String> sourceIp = string(record, "sourceIPAddress").filter(CloudTrailEvents::isAddress);
        return new DeniedRequest(origin, service + ":" + eventName, resource, zone, principal, sourceIp,
                string(record, "userAgent"), changes, recordsKnown, error);
    }

    private static RecordChange change(JsonNode node, String source) throws InputException {
        JsonNode.JsonObject change = node instanceof JsonNode.JsonObject o ? o : null;
        JsonNode.JsonObject set = change == null ? null : object(change, "resourceRecordSet");
        Optional<String> action = change == null ? Optional.empty() : string(change, "action");
        Optional<String> name = set == null ? Optional.empty() : string(set, "name");
        Optional<String> type = set == null ? Optional.empty() : string(set, "type");
        if (action.isEmpty() || name.isEmpty() || type.isEmpty()) {
            throw bad(source, node.position(), "expected a change with action and resourceRecordSet.name and .type");
        }
        try {
            return RecordChange.parse(action.get() + ":" + type.get() + ":" + name.get());
        } catch (UsageException e) {
            throw bad(source, node.position(), e.getMessage());
        }
    }

    /** {@code route53.amazonaws.com} is the {@code route53} of {@code route53:ChangeResourceRecordSets}. */
    private static String servicePrefix(String eventSource) {
        return eventSource.endsWith(SERVICE_SUFFIX)
                ? eventSource.substring(0, eventSource.length() - SERVICE_SUFFIX.length()) : eventSource;
    }

    private static String bareZone(String id) {
        return id.startsWith("/hostedzone/") ? id.substring("/hostedzone/".length()) : id;
    }

    /** CloudTrail writes a service's name there when a service called for the principal. */
    private static boolean isAddress(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
    }

    private static Optional<String> string(JsonNode.JsonObject object, String key) {
        return object.get(key).filter(JsonNode.JsonString.class::isInstance).map(n -> ((JsonNode.JsonString) n).value());
    }

    private static JsonNode.JsonObject object(JsonNode.JsonObject object, String key) {
        return object.get(key).filter(JsonNode.JsonObject.class::isInstance).map(JsonNode.JsonObject.class::cast)
                .orElse(null);
    }

    private static JsonNode.JsonArray array(JsonNode node, String source, String what) throws InputException {
        if (node instanceof JsonNode.JsonArray array) {
            return array;
        }
        throw bad(source, node.position(), what + " is " + node.typeName() + ", expected an array");
    }

    private static InputException bad(String source, SourcePosition position, String message) {
        return new InputException(source, position, message);
    }
}
