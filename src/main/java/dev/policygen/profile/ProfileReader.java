package dev.policygen.profile;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.json.LocatedJson;
import dev.policygen.route53.Route53Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads one profile file; every problem is an {@link InputException} at its line and column. */
final class ProfileReader {
    private static final Set<String> TOP_KEYS = Set.of("client", "aliases", "title", "versions", "homepage",
            "verifiedBy", "zoneDiscovery", "recordReads", "changes", "waiting", "cnames", "extraCalls",
            RoleAssumptionReader.KEY, "notes");
    private static final Set<String> CALL_KEYS = Set.of("action", "resource", "when", "sid", "why", "source");
    private static final Set<String> CHANGE_ACTIONS = Set.of("CREATE", "UPSERT", "DELETE");

    private final LocatedJson json;

    private ProfileReader(String source) {
        this.json = new LocatedJson(source);
    }

    static ClientProfile read(String text, String source) throws InputException {
        return new ProfileReader(source).profile(JsonReader.read(text, source));
    }

    private ClientProfile profile(JsonNode root) throws InputException {
        JsonNode.JsonObject object = json.object(root, "the profile", TOP_KEYS);
        List<ProfileCall> calls = new ArrayList<>();
        Optional<ClientProfile.ZoneIdOption> zoneIdOption = Optional.empty();
        Optional<JsonNode> discovery = object.get("zoneDiscovery");
        if (discovery.isPresent()) {
            JsonNode.JsonObject d = json.object(discovery.get(), "zoneDiscovery", Set.of("calls", "zoneIdOption"));
            calls.addAll(calls(d.get("calls").orElse(null), Purpose.ZONE_DISCOVERY, Purpose.ZONE_DISCOVERY.sid()));
            Optional<JsonNode> option = d.get("zoneIdOption");
            if (option.isPresent() && !(option.get() instanceof JsonNode.JsonNull)) {
                JsonNode.JsonObject o = json.object(option.get(), "zoneIdOption", Set.of("option", "source"));
                zoneIdOption = Optional.of(new ClientProfile.ZoneIdOption(text(o, "option"), text(o, "source")));
            }
        }
        calls.addAll(calls(object.get("recordReads").orElse(null), Purpose.RECORD_READ, Purpose.RECORD_READ.sid()));
        JsonNode.JsonObject changes = json.object(required(object, "changes"), "changes",
                Set.of("actions", "oneNamePerBatch", "batchesPerStatement", "why", "source"));
        List<String> actions = strings(required(changes, "actions"), "changes.actions");
        for (String action : actions) {
            if (!CHANGE_ACTIONS.contains(action)) {
                throw error(changes.position(), "unknown change action \"" + action + "\"");
            }
        }
        ChangeSpec changeSpec = new ChangeSpec(actions, bool(changes, "oneNamePerBatch"),
                changes.get("batchesPerStatement").isPresent() && bool(changes, "batchesPerStatement"), text(changes, "why"),
                text(changes, "source"));
        calls.add(new ProfileCall(Purpose.RECORD_CHANGE, Route53Names.CHANGE_RECORD_SETS,
                ProfileCall.HOSTED_ZONE, Optional.empty(), Purpose.RECORD_CHANGE.sid(), changeSpec.why(),
                changeSpec.source()));
        calls.addAll(calls(object.get("waiting").orElse(null), Purpose.CHANGE_WAIT, Purpose.CHANGE_WAIT.sid()));
        calls.addAll(calls(object.get("extraCalls").orElse(null), Purpose.EXTRA, Purpose.EXTRA.sid()));
        JsonNode.JsonObject cnames = json.object(required(object, "cnames"), "cnames",
                Set.of("follows", "how", "source"));
        String follows = text(cnames, "follows");
        CnameBehaviour.Mode mode = null;
        for (CnameBehaviour.Mode m : CnameBehaviour.Mode.values()) {
            if (m.json().equals(follows)) {
                mode = m;
            }
        }
        if (mode == null) {
            throw error(cnames.position(), "cnames.follows must be by-default, when-configured or never");
        }
        RoleAssumption assumeRole = new RoleAssumptionReader(json).read(
                json.required(object, RoleAssumptionReader.KEY, "the profile"));
        return new ClientProfile(
                text(object, "client"),
                object.get("aliases").isPresent() ? strings(object.get("aliases").get(), "aliases") : List.of(),
                text(object, "title"),
                text(object, "versions"),
                text(object, "homepage"),
                text(object, "verifiedBy"),
                calls,
                zoneIdOption,
                changeSpec,
                new CnameBehaviour(mode, text(cnames, "how"), text(cnames, "source")),
                assumeRole,
                object.get("notes").isPresent() ? strings(object.get("notes").get(), "notes") : List.of());
    }

    private List<ProfileCall> calls(JsonNode node, Purpose purpose, String defaultSid) throws InputException {
        List<ProfileCall> calls = new ArrayList<>();
        if (node == null) {
            return calls;
        }
        if (!(node instanceof JsonNode.JsonArray array)) {
            throw error(node.position(), "expected an array of calls");
        }
        for (JsonNode element : array.elements()) {
            JsonNode.JsonObject call = json.object(element, "a call", CALL_KEYS);
            String sid = call.get("sid").isPresent() ? text(call, "sid") : defaultSid;
            if (sid == null) {
                throw error(call.position(), "an extra call needs a sid");
            }
            Optional<String> when = call.get("when").isPresent() ? Optional.of(text(call, "when")) : Optional.empty();
            calls.add(new ProfileCall(purpose, text(call, "action"), text(call, "resource"), when, sid,
                    text(call, "why"), text(call, "source")));
        }
        return calls;
    }

    /** The value of {@code key}; the message's position names the object, which has no name of its own here. */
    private JsonNode required(JsonNode.JsonObject object, String key) throws InputException {
        return json.required(object, key, "this object");
    }

    private String text(JsonNode.JsonObject object, String key) throws InputException {
        return json.nonBlankString(required(object, key), LocatedJson.quoted(key));
    }

    private boolean bool(JsonNode.JsonObject object, String key) throws InputException {
        JsonNode node = required(object, key);
        if (node instanceof JsonNode.JsonBoolean b) {
            return b.value();
        }
        throw error(node.position(), "\"" + key + "\" must be true or false");
    }

    private List<String> strings(JsonNode node, String what) throws InputException {
        if (!(node instanceof JsonNode.JsonArray array)) {
            throw error(node.position(), what + " must be an array of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : array.elements()) {
            if (!(element instanceof JsonNode.JsonString s)) {
                throw error(element.position(), what + " must be an array of strings");
            }
            values.add(s.value());
        }
        return values;
    }

    private InputException error(SourcePosition position, String message) {
        return json.error(position, message);
    }
}
