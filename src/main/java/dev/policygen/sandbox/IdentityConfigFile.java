package dev.policygen.sandbox;

import dev.policygen.InputException;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonNode.JsonNumber;
import dev.policygen.json.JsonNode.JsonObject;
import dev.policygen.json.LocatedJson;
import dev.policygen.sandbox.sts.OidcIssuer;
import dev.policygen.sandbox.sts.RoleDeclaration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The accounts part of a sandbox config file (docs/sandbox.md): which account owns a zone
 * ({@code "zones": {"example.org": {"id": "Z...", "account": "222222222222"}}}), the SCP levels of each
 * account ({@code "accounts": {"222222222222": {"scps": ["scp.json"]}}}), the roles STS can hand out
 * ({@code "roles": [{"arn": ..., "trustPolicy": ..., "policies": [...], "permissionsBoundary": ...,
 * "maxSessionDuration": 3600}]}, or {@code "generated": "dns.json"} for the files {@code generate --runtime
 * ... -o dns.json} wrote), and the OIDC issuer ({@code "oidc": {"issuer": HOST, "audiences": [...]}}).
 * Each error is reported at its line and column.
 */
final class IdentityConfigFile {
    static final Set<String> MEMBERS = Set.of("accounts", "roles", "oidc");
    private static final Set<String> ZONE_MEMBERS = Set.of("id", "account");
    private static final Set<String> ACCOUNT_MEMBERS = Set.of("scps");
    private static final Set<String> ROLE_MEMBERS = Set.of("arn", "trustPolicy", "policies", "permissionsBoundary",
            "maxSessionDuration", "generated");
    private static final Set<String> OIDC_MEMBERS = Set.of("issuer", "audiences");

    private IdentityConfigFile() {
    }

    /** The id of a zone given as an object ({@code {"id": ..., "account": ...}}); null for a derived id. */
    static String zoneId(JsonObject zone, Path file) throws InputException {
        new LocatedJson(file.toString()).checkKeys(zone, ZONE_MEMBERS, "a zone");
        return SandboxConfigFile.optionalText(zone, "id");
    }

    static void apply(JsonObject root, Path base, Path file, SandboxBuilder builder) throws InputException {
        LocatedJson json = new LocatedJson(file.toString());
        if (root.get("zones").orElse(null) instanceof JsonObject zones) {
            for (JsonNode.Member zone : zones.members()) {
                if (zone.value() instanceof JsonObject object && object.get("account").isPresent()) {
                    String account = json.string(object.get("account").get(), "a zone's account");
                    at(object.get("account").get(), json, () -> builder.zone(zone.key(), zoneId(object, file), account));
                }
            }
        }
        if (root.get("accounts").isPresent()) {
            for (JsonNode.Member account : json.object(root.get("accounts").get(), "\"accounts\"").members()) {
                JsonObject settings = json.object(account.value(), "an account", ACCOUNT_MEMBERS);
                List<Path> scps = paths(settings, "scps", base, json);
                at(account.value(), json, () -> builder.accountScps(account.key(), scps));
            }
        }
        for (JsonNode node : json.optionalArray(root, "roles")) {
            JsonObject role = json.object(node, "a role", ROLE_MEMBERS);
            RoleDeclaration declaration = role(role, base, json);
            at(node, json, () -> builder.role(declaration));
        }
        if (root.get("oidc").isPresent()) {
            JsonObject oidc = json.object(root.get("oidc").get(), "\"oidc\"", OIDC_MEMBERS);
            String issuer = SandboxConfigFile.optionalText(oidc, "issuer");
            List<String> audiences = new ArrayList<>();
            for (JsonNode audience : json.optionalArray(oidc, "audiences")) {
                audiences.add(json.string(audience, "an audience"));
            }
            at(oidc, json, () -> builder.oidc(issuer == null ? OidcIssuer.DEFAULT_HOST : issuer,
                    audiences.isEmpty() ? OidcIssuer.DEFAULT_AUDIENCES : audiences));
        }
    }

    private static RoleDeclaration role(JsonObject role, Path base, LocatedJson json) throws InputException {
        String arn = json.requiredString(role, "arn", "a role");
        Integer max = null;
        if (role.get("maxSessionDuration").isPresent()) {
            if (!(role.get("maxSessionDuration").get() instanceof JsonNumber number) || !number.text().matches("[0-9]+")) {
                throw json.error(role.get("maxSessionDuration").get(), "\"maxSessionDuration\" must be a whole number"
                        + " of seconds");
            }
            max = Integer.valueOf(number.text());
        }
        String boundary = SandboxConfigFile.optionalText(role, "permissionsBoundary");
        Path boundaryFile = boundary == null ? null : base.resolve(boundary);
        String generated = SandboxConfigFile.optionalText(role, "generated");
        if (generated != null) {
            if (role.get("trustPolicy").isPresent() || role.get("policies").isPresent()) {
                throw json.error(role, "a role takes either \"generated\" or \"trustPolicy\" with \"policies\"");
            }
            return generatedFiles(arn, base.resolve(generated), boundaryFile, max);
        }
        Path trust = base.resolve(json.requiredString(role, "trustPolicy", "a role"));
        return new RoleDeclaration(arn, trust, paths(role, "policies", base, json), boundaryFile, max);
    }

    /**
     * The files {@code generate --runtime KIND -o FILE.json} writes: the permission policy FILE.json (or
     * FILE-1.json, FILE-2.json... when it was split) and the trust policy FILE-trust.json.
     */
    static RoleDeclaration generatedFiles(String arn, Path permissions, Path boundary, Integer max) {
        String name = permissions.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        Path trust = permissions.resolveSibling(stem + "-trust.json");
        List<Path> policies = new ArrayList<>();
        if (Files.exists(permissions)) {
            policies.add(permissions);
        } else {
            for (int i = 1; Files.exists(permissions.resolveSibling(stem + "-" + i + ".json")); i++) {
                policies.add(permissions.resolveSibling(stem + "-" + i + ".json"));
            }
            if (policies.isEmpty()) {
                // reported as the unreadable file it names, when the sandbox reads it
                policies.add(permissions);
            }
        }
        return new RoleDeclaration(arn, trust, policies, boundary, max);
    }

    private static List<Path> paths(JsonObject parent, String key, Path base, LocatedJson json) throws InputException {
        List<Path> paths = new ArrayList<>();
        for (JsonNode node : json.optionalArray(parent, key)) {
            paths.add(base.resolve(json.string(node, "a file name")));
        }
        return paths;
    }

    /** Runs a builder step; a value it refuses is reported at {@code node}'s position. */
    private static void at(JsonNode node, LocatedJson json, Step step) throws InputException {
        try {
            step.run();
        } catch (IllegalArgumentException e) {
            throw json.error(node, e.getMessage());
        }
    }

    private interface Step {
        void run() throws InputException;
    }
}
