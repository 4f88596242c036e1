package dev.policygen.renew.config;

import dev.policygen.InputException;
import dev.policygen.json.JsonNode.JsonObject;
import dev.policygen.json.JsonNode;
import dev.policygen.route53.Arn;
import dev.policygen.route53.AwsSyntax;
import java.util.Optional;
import java.util.Set;

/** Checks of AWS names and ARNs in a config, so a typo fails at load time rather than mid-renewal. */
final class AwsNames {
    /** IAM server certificate names are at most 128 characters; the renewer appends a date of 9. */
    private static final int MAX_PREFIX = 100;

    private AwsNames() {
    }

    static String serverCertificatePrefix(ConfigTree tree, JsonNode node) throws InputException {
        String prefix = tree.string(node, "namePrefix");
        boolean ok = prefix.length() <= MAX_PREFIX;
        for (int i = 0; ok && i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            // IAM's name alphabet: word characters and +=,.@-
            ok = Character.isLetterOrDigit(c) && c < 0x80 || "_+=,.@-".indexOf(c) >= 0;
        }
        if (!ok) {
            throw tree.error(node.position(), "namePrefix \"" + prefix + "\" must be at most " + MAX_PREFIX
                    + " letters, digits and _+=,.@- (IAM server certificate names)");
        }
        return prefix;
    }

    /** A classic load balancer listener; the keys differ in name only between the schemas. */
    static Destination.ClassicElb classicElb(ConfigTree tree, JsonNode node, String nameKey, String portKey)
            throws InputException {
        JsonObject elb = tree.object(node, "elb", Set.of(nameKey, portKey));
        JsonNode nameNode = tree.required(elb, nameKey, "elb");
        String name = tree.string(nameNode, "the load balancer name");
        boolean ok = name.length() <= 32 && name.charAt(0) != '-' && name.charAt(name.length() - 1) != '-';
        for (int i = 0; ok && i < name.length(); i++) {
            char c = name.charAt(i);
            ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
        }
        if (!ok) {
            throw tree.error(nameNode.position(), "load balancer name \"" + name
                    + "\" must be 1 to 32 letters, digits and hyphens, not starting or ending with a hyphen");
        }
        Optional<JsonNode> portNode = elb.get(portKey);
        int port = portNode.isPresent() ? tree.integer(portNode.get(), "the listener port", 1, 65535)
                : Destination.ClassicElb.DEFAULT_PORT;
        return new Destination.ClassicElb(name, port);
    }

    /** {@code arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE} with the resource starting with {@code resourcePrefix}. */
    static String arn(ConfigTree tree, JsonNode node, String service, String resourcePrefix) throws InputException {
        String text = tree.string(node, "an ARN");
        Arn arn = Arn.parse(text);
        boolean ok = arn != null && arn.partition().startsWith("aws") && arn.service().equals(service)
                && !arn.region().isEmpty() && AwsSyntax.isAccountId(arn.account())
                && arn.resource().startsWith(resourcePrefix) && arn.resource().length() > resourcePrefix.length();
        if (!ok) {
            throw tree.error(node.position(), "\"" + text + "\" is not an ARN of the form arn:aws:" + service
                    + ":REGION:ACCOUNT:" + resourcePrefix + "...");
        }
        return text;
    }
}
