package dev.policygen.profile;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.route53.Route53Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads one profile file; every problem is an {@link InputException} at its line and column. */
final class ProfileReader {
    private static final Set<String> TOP_KEYS = Set.of("client", "aliases", "title", "versions", "homepage",
            "verifiedBy", "zoneDiscovery", "recordReads", "changes", "waiting", "cnames", "extraCalls", "notes");
    private static final Set<String> CALL_KEYS = Set.of("action", "resource", "when", "sid", "why", "source");
    private static final Set<String> CHANGE_ACTIONS = Set.of("CREATE", "UPSERT", "DELETE");

    private final String source;

    private ProfileReader(String source) {
        this.source = source;
    }

    static ClientProfile read(String text, String source) throws InputException {
        return new ProfileReader(source).profile(JsonReader.read(text, source));
    }

    private ClientProfile profile(JsonNode root) throws InputException {
        JsonNode.JsonObject object = object(root, "profile");
        checkKeys(object, TOP_KEYS);
        List<ProfileCall> calls = new ArrayList<>();
        Optional<ClientProfile.ZoneIdOption> zoneIdOption = Optional.empty();
        Optional<JsonNode> discovery = object.get("zoneDiscovery");
        if (discovery.isPresent()) {
            JsonNode.JsonObject d = object(discovery.get(), "zoneDiscovery");
            checkKeys(d, Set.of("calls", "zoneIdOption"));
            calls.addAll(calls(d.get("calls").orElse(null), Purpose.ZONE_DISCOVERY, Purpose.ZONE_DISCOVERY.sid()));
            Optional<JsonNode> option = d.get("zoneIdOption");
            if (option.isPresent() && !(option.get() instanceof JsonNode.JsonNull)) {
                JsonNode.JsonObject o = object(option.get(), "zoneIdOption");
                checkKeys(o, Set.of("option", "source"));
                zoneIdOption = Optional.of(new ClientProfile.ZoneIdOption(text(o, "option"), text(o, "source")));
            }
        }
        calls.addAll(calls(object.get("recordReads").orElse(null), Purpose.RECORD_READ, Purpose.RECORD_READ.sid()));
        JsonNode.JsonObject changes = object(required(object, "changes"), "changes");
        checkKeys(changes, Set.of("actions", "oneNamePerBatch", "why", "source"));
        List<String> actions = strings(required(changes, "actions"), "changes.actions");
        for (String action : actions) {
            if (!CHANGE_ACTIONS.contains(action)) {
                throw error(changes.position(), "unknown change action \"" + action + "\"");
            }
        }
        ChangeSpec changeSpec = new ChangeSpec(actions, bool(changes, "oneNamePerBatch"), text(changes, "why"),
                text(changes, "source"));
        calls.add(new ProfileCall(Purpose.RECORD_CHANGE, Route53Names.CHANGE_RECORD_SETS,
                ProfileCall.HOSTED_ZONE, Optional.empty(), Purpose.RECORD_CHANGE.sid(), changeSpec.why(),
                changeSpec.source()));
        calls.addAll(calls(object.get("waiting").orElse(null), Purpose.CHANGE_WAIT, Purpose.CHANGE_WAIT.sid()));
        calls.addAll(calls(object.get("extraCalls").orElse(null), Purpose.EXTRA, Purpose.EXTRA.sid()));
        JsonNode.JsonObject cnames = object(required(object, "cnames"), "cnames");
        checkKeys(cnames, Set.of("follows", "how", "source"));
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
            JsonNode.JsonObject call = object(element, "call");
            checkKeys(call, CALL_KEYS);
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

    private JsonNode required(JsonNode.JsonObject object, String key) throws InputException {
        Optional<JsonNode> node = object.get(key);
        if (node.isEmpty()) {
            throw error(object.position(), "missing \"" + key + "\"");
        }
        return node.get();
    }

    private String text(JsonNode.JsonObject object, String key) throws InputException {
        JsonNode node = required(object, key);
        if (node instanceof JsonNode.JsonString s && !s.value().isBlank()) {
            return s.value();
        }
        throw error(node.position(), "\"" + key + "\" must be a non-empty string");
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

    private JsonNode.JsonObject object(JsonNode node, String what) throws InputException {
        if (node instanceof JsonNode.JsonObject o) {
            return o;
        }
        throw error(node.position(), what + " must be an object");
    }

    private void checkKeys(JsonNode.JsonObject object, Set<String> allowed) throws InputException {
        if (!object.duplicateMembers().isEmpty()) {
            JsonNode.Member duplicate = object.duplicateMembers().get(0);
            throw error(duplicate.keyPosition(), "duplicate key \"" + duplicate.key() + "\"");
        }
        for (JsonNode.Member member : object.members()) {
            if (!allowed.contains(member.key())) {
                throw error(member.keyPosition(), "unknown key \"" + member.key() + "\"");
            }
        }
    }

    private InputException error(SourcePosition position, String message) {
        return new InputException(source, position, message);
    }
}
