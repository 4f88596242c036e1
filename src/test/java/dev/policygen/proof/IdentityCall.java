package dev.policygen.proof;

import dev.policygen.InputException;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonNode.JsonObject;
import dev.policygen.json.JsonNode.JsonString;
import dev.policygen.json.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line of the sandbox's call log as the role proofs read it: which identity made the call
 * ({@code aws:PrincipalArn}, the role ARN for a role session; null for the unsigned
 * AssumeRoleWithWebIdentity), the RoleSessionName an STS call asked for, where it was sent (the Host, e.g. sts.amazonaws.com, and the CONNECT
 * tunnel it came through), the IAM action and resource, and the answer. {@link ObservedCall} keeps
 * the Route 53 record detail; this keeps who and where, which STS calls need.
 */
record IdentityCall(String principalArn, String host, String tunnel, String action, String resource,
        String sessionName, String decision, int status, String error) {

    static List<IdentityCall> read(Path callLog) throws IOException, InputException {
        List<IdentityCall> calls = new ArrayList<>();
        if (!Files.exists(callLog)) {
            return calls;
        }
        for (String line : Files.readAllLines(callLog, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonObject entry = (JsonObject) JsonReader.read(line, callLog.toString());
                JsonObject context = entry.get("context").filter(JsonObject.class::isInstance)
                        .map(JsonObject.class::cast).orElse(null);
                calls.add(new IdentityCall(context == null ? null : text(context, "aws:PrincipalArn"),
                        text(entry, "host"), text(entry, "tunnel"), text(entry, "action"), text(entry, "resource"),
                        context == null ? null : text(context, "sts:RoleSessionName"), text(entry, "decision"),
                        entry.get("status").map(n -> Integer.parseInt(((JsonNode.JsonNumber) n).text())).orElse(0),
                        text(entry, "error")));
            }
        }
        return calls;
    }

    private static String text(JsonObject object, String key) {
        Optional<JsonNode> value = object.get(key);
        return value.filter(JsonString.class::isInstance).map(v -> ((JsonString) v).value()).orElse(null);
    }

    boolean sts() {
        return action != null && action.startsWith("sts:");
    }

    boolean route53() {
        return action != null && action.startsWith("route53:");
    }

    boolean allowed() {
        return status == 200;
    }

    /** The host the client addressed: the tunnel's for a proxied call (Host may omit the port), else Host. */
    String endpoint() {
        String target = tunnel != null ? tunnel : host;
        return target == null ? null : target.replaceFirst(":443$", "");
    }

    @Override
    public String toString() {
        return action + " " + resource + (sessionName == null ? "" : " session " + sessionName) + " by " + principalArn + " at " + endpoint() + " -> " + decision + " "
                + status + (error == null ? "" : " " + error);
    }
}
