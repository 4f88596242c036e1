package dev.policygen.sandbox;

import dev.policygen.InputException;
import dev.policygen.io.InputFiles;
import dev.policygen.json.JsonNode.JsonBoolean;
import dev.policygen.json.JsonNode.JsonNumber;
import dev.policygen.json.JsonNode.JsonObject;
import dev.policygen.json.JsonNode.JsonString;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import dev.policygen.json.LocatedJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sandbox configuration file (JSON), for setups too long for a command line. Every member is
 * optional; relative paths are relative to the file. Command-line options given as well win.
 * <pre>
 * {"zones": {"example.com": "Z0123456789ABCDEFGHIJ", "example.net": null},
 *  "credentials": {"AKIAIOSFODNN7EXAMPLE": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"},
 *  "ports": {"api": 0, "proxy": 8888, "dns": 8053},
 *  "policies": ["policy.json"], "principalArn": "arn:aws:iam::123456789012:user/policygen-sandbox",
 *  "stateDir": "state", "callLog": "calls.jsonl", "seed": 1, "insyncDelayMillis": 0,
 *  "faults": {"throttlePerSecond": 5, "priorRequestNotCompleteRate": 0.1, "serverErrorRate": 0.05,
 *             "latencyMillis": 20},
 *  "legacyInvalidChangeBatch": false,
 *  "classicLoadBalancers": [{"name": "web", "ports": [443], "certificateArn": null}],
 *  "elbv2Listeners": [{"arn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/1a2b/3c4d",
 *                      "certificateArn": null}],
 *  "buckets": ["renew-state"], "topics": ["arn:aws:sns:us-east-1:123456789012:certificate-events"],
 *  "objects": [{"bucket": "renew-state", "key": "seed.json", "text": "{}"},
 *              {"bucket": "renew-state", "key": "other", "file": "other.bin"}]}
 * </pre>
 * Accounts, roles and the OIDC issuer of the STS emulation are read by {@link IdentityConfigFile}
 * (docs/sandbox.md).
 */
public final class SandboxConfigFile {
    private static final Set<String> MEMBERS = Set.of("zones", "credentials", "ports", "policies", "principalArn",
            "stateDir", "callLog", "seed", "insyncDelayMillis", "faults", "legacyInvalidChangeBatch",
            "classicLoadBalancers", "elbv2Listeners", "buckets", "objects", "accounts", "roles", "oidc", "topics");
    private static final Set<String> FAULT_MEMBERS = Set.of("throttlePerSecond", "priorRequestNotCompleteRate",
            "serverErrorRate", "latencyMillis");

    private SandboxConfigFile() {
    }

    /** Applies the file's settings to the builder: those of {@link SandboxConfig}, then the AWS resources. */
    public static void apply(Path file, SandboxBuilder builder) throws InputException {
        String text = InputFiles.read(file, "sandbox config");
        JsonObject root = object(JsonReader.read(text, file.toString()), file);
        Path base = file.toAbsolutePath().getParent();
        try {
            for (JsonNode.Member member : root.members()) {
                if (!MEMBERS.contains(member.key())) {
                    throw new InputException(file.toString(), member.keyPosition(), "unknown member \"" + member.key()
                            + "\"; expected one of " + String.join(", ", MEMBERS.stream().sorted().toList()));
                }
            }
            settings(root, base, file).applyTo(builder);
            applyAwsResources(root, base, file, builder);
            IdentityConfigFile.apply(root, base, file, builder);
        } catch (IllegalArgumentException e) {
            throw new InputException(file.toString(), root.position(), e.getMessage());
        }
    }

    /** The members {@link SandboxConfig} shares with the command line, under the same names. */
    private static SandboxConfig settings(JsonObject root, Path base, Path file) throws InputException {
        Map<String, String> zones = new LinkedHashMap<>();
        if (root.get("zones").isPresent()) {
            for (JsonNode.Member zone : object(root.get("zones").get(), file).members()) {
                zones.put(zone.key(), zone.value() instanceof JsonObject owned ? IdentityConfigFile.zoneId(owned, file)
                        : zone.value() instanceof JsonString id ? id.value() : null);
            }
        }
        Map<String, String> credentials = new LinkedHashMap<>();
        if (root.get("credentials").isPresent()) {
            for (JsonNode.Member key : object(root.get("credentials").get(), file).members()) {
                credentials.put(key.key(), string(key.value(), file));
            }
        }
        JsonObject ports = root.get("ports").isPresent() ? object(root.get("ports").get(), file) : null;
        List<Path> policies = new ArrayList<>();
        for (JsonNode policy : array(root, "policies", file)) {
            policies.add(base.resolve(string(policy, file)));
        }
        JsonObject faults = root.get("faults").isPresent() ? object(root.get("faults").get(), file) : null;
        if (faults != null) {
            for (JsonNode.Member member : faults.members()) {
                if (!FAULT_MEMBERS.contains(member.key())) {
                    throw new InputException(file.toString(), member.keyPosition(), "unknown fault \""
                            + member.key() + "\"");
                }
            }
        }
        String legacy = optionalText(root, "legacyInvalidChangeBatch");
        return new SandboxConfig(zones, credentials, policies, optionalText(root, "principalArn"),
                ports == null ? null : (int) number(ports, "api", 0, file),
                ports == null ? null : (int) number(ports, "proxy", 0, file),
                ports == null ? null : (int) number(ports, "dns", 0, file),
                path(base, optionalText(root, "stateDir")), path(base, optionalText(root, "callLog")), null,
                (long) number(root, "seed", 1, file), (long) number(root, "insyncDelayMillis", 0, file),
                faults == null ? null : (int) number(faults, "throttlePerSecond", 0, file),
                faults == null ? null : number(faults, "priorRequestNotCompleteRate", 0, file),
                faults == null ? null : number(faults, "serverErrorRate", 0, file),
                faults == null ? null : (long) number(faults, "latencyMillis", 0, file),
                "true".equals(legacy));
    }

    private static Path path(Path base, String relative) {
        return relative == null ? null : base.resolve(relative);
    }

    /** The load balancers, listeners, buckets and objects of the IAM/ELB/ACM/S3 emulation. */
    private static void applyAwsResources(JsonObject root, Path base, Path file, SandboxBuilder builder)
            throws InputException {
        for (JsonNode node : array(root, "classicLoadBalancers", file)) {
            JsonObject loadBalancer = object(node, file);
            List<JsonNode> ports = array(loadBalancer, "ports", file);
            int[] numbers = new int[ports.size()];
            for (int i = 0; i < numbers.length; i++) {
                if (!(ports.get(i) instanceof JsonNumber number)) {
                    throw new InputException(file.toString(), ports.get(i).position(), "a port must be a number");
                }
                numbers[i] = Integer.parseInt(number.text());
            }
            builder.classicLoadBalancer(text(loadBalancer, "name", file), optionalText(loadBalancer, "certificateArn"),
                    numbers);
        }
        for (JsonNode node : array(root, "elbv2Listeners", file)) {
            JsonObject listener = object(node, file);
            builder.elbv2Listener(text(listener, "arn", file), optionalText(listener, "certificateArn"));
        }
        for (JsonNode node : array(root, "buckets", file)) {
            builder.bucket(string(node, file));
        }
        for (JsonNode node : array(root, "topics", file)) {
            String arn = string(node, file);
            try {
                builder.topic(arn);
            } catch (IllegalArgumentException e) {
                throw new InputException(file.toString(), node.position(), e.getMessage());
            }
        }
        for (JsonNode node : array(root, "objects", file)) {
            JsonObject object = object(node, file);
            String text = optionalText(object, "text");
            String source = optionalText(object, "file");
            if ((text == null) == (source == null)) {
                throw new InputException(file.toString(), object.position(), "an object needs exactly one of "
                        + "\"text\" and \"file\"");
            }
            byte[] data;
            if (text != null) {
                data = text.getBytes(StandardCharsets.UTF_8);
            } else {
                data = InputFiles.readBytes(base.resolve(source), "object content");
            }
            builder.object(text(object, "bucket", file), text(object, "key", file), data);
        }
    }

    /** The located reads the config and state files share; the position names the value, "this" points at it. */
    static JsonObject object(JsonNode node, Path file) throws InputException {
        return new LocatedJson(file.toString()).object(node, "this value");
    }

    static List<JsonNode> array(JsonObject parent, String key, Path file) throws InputException {
        return new LocatedJson(file.toString()).optionalArray(parent, key);
    }

    static String text(JsonObject parent, String key, Path file) throws InputException {
        return new LocatedJson(file.toString()).requiredString(parent, key, "this object");
    }

    static String optionalText(JsonObject parent, String key) {
        JsonNode node = parent.get(key).orElse(null);
        if (node instanceof JsonString string) {
            return string.value();
        }
        if (node instanceof JsonNumber number) {
            return number.text();
        }
        if (node instanceof JsonBoolean bool) {
            return Boolean.toString(bool.value());
        }
        return null;
    }

    private static String string(JsonNode node, Path file) throws InputException {
        return new LocatedJson(file.toString()).string(node, "this value");
    }

    private static double number(JsonObject parent, String key, double fallback, Path file) throws InputException {
        JsonNode node = parent.get(key).orElse(null);
        if (node == null) {
            return fallback;
        }
        if (node instanceof JsonNumber number) {
            return Double.parseDouble(number.text());
        }
        throw new InputException(file.toString(), node.position(), "\"" + key + "\" must be a number");
    }
}
