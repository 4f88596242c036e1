package dev.policygen.profile;

import dev.policygen.InputException;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonWriter;
import dev.policygen.json.LocatedJson;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a profile's {@code assumeRole} entry. Every profile must have one, because the cross-account
 * generation refuses or explains by it: a client whose entry were missing would silently be treated as
 * one that cannot assume a role. The settings of a client that can are required and must show where the
 * values go; a client that cannot has no settings, so the file cannot claim both.
 */
final class RoleAssumptionReader {
    static final String KEY = "assumeRole";
    private static final String WHAT = "assumeRole";
    private static final Set<String> KEYS = Set.of("status", "setting", "settingSince", "externalIdSetting",
            "externalIdSince", "how", "source");

    private final LocatedJson json;

    RoleAssumptionReader(LocatedJson json) {
        this.json = json;
    }

    RoleAssumption read(JsonNode node) throws InputException {
        JsonNode.JsonObject entry = json.object(node, WHAT, KEYS);
        RoleAssumption.Status status = status(json.required(entry, "status", WHAT));
        String how = json.nonBlankString(json.required(entry, "how", WHAT), WHAT + ".how");
        String source = json.nonBlankString(json.required(entry, "source", WHAT), WHAT + ".source");
        if (status != RoleAssumption.Status.SUPPORTED) {
            for (String key : new String[] {"setting", "settingSince", "externalIdSetting", "externalIdSince"}) {
                Optional<JsonNode.Member> member = entry.member(key);
                if (member.isPresent()) {
                    throw json.error(member.get().keyPosition(), WHAT + "." + key + " is only for a client that"
                            + " can assume a role, and status is \"" + status.json() + "\"");
                }
            }
            return new RoleAssumption(status, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    how, source);
        }
        JsonNode settingNode = json.required(entry, "setting", WHAT);
        String setting = template(settingNode, "setting", RoleAssumption.ROLE_ARN, RoleAssumption.EXTERNAL_ID);
        // required even when there is none: the file must say "no external id" (null), not forget it
        JsonNode externalIdNode = json.required(entry, "externalIdSetting", WHAT);
        Optional<String> externalIdSetting = externalIdNode instanceof JsonNode.JsonNull ? Optional.empty()
                : Optional.of(template(externalIdNode, "externalIdSetting", RoleAssumption.EXTERNAL_ID,
                        RoleAssumption.ROLE_ARN));
        Optional<String> externalIdSince = since(entry, "externalIdSince");
        if (externalIdSetting.isEmpty() && externalIdSince.isPresent()) {
            throw json.error(entry.member("externalIdSince").get().keyPosition(),
                    WHAT + ".externalIdSince needs an externalIdSetting");
        }
        return new RoleAssumption(status, Optional.of(setting), since(entry, "settingSince"), externalIdSetting,
                externalIdSince, how, source);
    }

    private RoleAssumption.Status status(JsonNode node) throws InputException {
        String value = json.string(node, WHAT + ".status");
        for (RoleAssumption.Status status : RoleAssumption.Status.values()) {
            if (status.json().equals(value)) {
                return status;
            }
        }
        throw json.error(node, WHAT + ".status " + JsonWriter.quote(value)
                + " must be supported, unsupported or planned");
    }

    /** A setting with exactly one {@code wanted} placeholder and no {@code other}. */
    private String template(JsonNode node, String key, String wanted, String other) throws InputException {
        String what = WHAT + "." + key;
        String value = json.nonBlankString(node, what);
        int at = value.indexOf(wanted);
        if (at < 0 || value.indexOf(wanted, at + 1) >= 0) {
            throw json.error(node, what + " " + JsonWriter.quote(value) + " must show where the value goes with "
                    + wanted + ", once");
        }
        if (value.contains(other)) {
            throw json.error(node, what + " " + JsonWriter.quote(value) + " must not contain " + other);
        }
        return value;
    }

    /** "lego 4.7.0": a name, one space, a version of digits and dots. */
    private Optional<String> since(JsonNode.JsonObject entry, String key) throws InputException {
        Optional<JsonNode> node = entry.get(key);
        if (node.isEmpty() || node.get() instanceof JsonNode.JsonNull) {
            return Optional.empty();
        }
        String what = WHAT + "." + key;
        String value = json.nonBlankString(node.get(), what);
        int space = value.indexOf(' ');
        if (space <= 0 || !isVersion(value.substring(space + 1))) {
            throw json.error(node.get(), what + " " + JsonWriter.quote(value) + " must be a name and a version, such as"
                    + " \"lego 4.7.0\"");
        }
        return Optional.of(value);
    }

    private static boolean isVersion(String text) {
        if (text.isEmpty() || text.charAt(0) == '.' || text.charAt(text.length() - 1) == '.') {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (!digit && (c != '.' || text.charAt(i - 1) == '.')) {
                return false;
            }
        }
        return true;
    }
}
