package dev.policygen.renew.config;

import dev.policygen.InputException;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonNode.JsonObject;
import dev.policygen.renew.cloud.ZoneRole;
import dev.policygen.route53.Arn;
import dev.policygen.route53.AwsSyntax;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A zone of the own schema written as an object, {@code {id: ZONEID, roleArn: ARN, externalId: X, sessionName:
 * S}}, for a zone in another account (docs/cross-account.md, "Renew with a zone in another account"). The value
 * rules are STS's for AssumeRole (RoleArn an IAM role, ExternalId 2 to 1,224 of {@code [\w+=,.@:/-]},
 * RoleSessionName 2 to 64 of {@code [\w+=,.@-]}; ../shared/reference/identity-and-fleet.md §2), so a value STS
 * would refuse is reported at its line before anything is sent.
 */
final class ZoneRoleReader {
    static final Set<String> KEYS = Set.of("id", "roleArn", "externalId", "sessionName");
    private static final Pattern ROLE_RESOURCE =
            Pattern.compile("role/(?:[A-Za-z0-9_+=,.@-]+/)*[A-Za-z0-9_+=,.@-]{1,64}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9_+=,.@:/-]{2,1224}");
    private static final Pattern SESSION_NAME = Pattern.compile("[A-Za-z0-9_+=,.@-]{2,64}");

    private ZoneRoleReader() {
    }

    /** The zone id node of a zone value: the value itself, or the object's {@code id}. */
    static JsonNode idNode(ConfigTree tree, JsonNode zone, String what) throws InputException {
        if (zone instanceof JsonObject object) {
            tree.object(object, what, KEYS);
            return tree.required(object, "id", what);
        }
        return zone;
    }

    /** The role of a zone value: empty for a plain id or an object without {@code roleArn}. */
    static Optional<ZoneRole> role(ConfigTree tree, JsonNode zone) throws InputException {
        if (!(zone instanceof JsonObject object)) {
            return Optional.empty();
        }
        Optional<JsonNode> arnNode = object.get("roleArn");
        if (arnNode.isEmpty()) {
            for (String key : new String[] {"externalId", "sessionName"}) {
                if (object.get(key).isPresent()) {
                    throw tree.error(object.get(key).get().position(), key + " \"" + tree.string(object.get(key)
                            .get(), key) + "\" needs roleArn on the same zone: it is sent when assuming that role");
                }
            }
            return Optional.empty();
        }
        String arn = tree.string(arnNode.get(), "roleArn");
        Arn parsed = Arn.parse(arn);
        if (parsed == null || !parsed.partition().startsWith("aws") || !parsed.service().equals("iam")
                || !parsed.region().isEmpty() || !AwsSyntax.isAccountId(parsed.account())
                || !ROLE_RESOURCE.matcher(parsed.resource()).matches()) {
            throw tree.error(arnNode.get().position(), "roleArn \"" + arn + "\" is not a role ARN; expected"
                    + " arn:aws:iam::ACCOUNT:role/NAME");
        }
        return Optional.of(new ZoneRole(arn, checked(tree, object, "externalId", EXTERNAL_ID,
                "2 to 1224 letters, digits and +=,.@:/-_"), checked(tree, object, "sessionName", SESSION_NAME,
                "2 to 64 letters, digits and +=,.@-_")));
    }

    private static Optional<String> checked(ConfigTree tree, JsonObject object, String key, Pattern pattern,
            String rule) throws InputException {
        if (object.get(key).isEmpty()) {
            return Optional.empty();
        }
        JsonNode node = object.get(key).get();
        String value = tree.string(node, key);
        if (!pattern.matcher(value).matches()) {
            throw tree.error(node.position(), key + " \"" + value + "\" must be " + rule);
        }
        return Optional.of(value);
    }
}
