package dev.policygen.explain;

import dev.policygen.UsageException;
import dev.policygen.route53.Arn;
import dev.policygen.route53.HostedZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS's AccessDenied message inside whatever a client wraps it in. The message is
 * {@code User: ARN is not authorized to perform: ACTION[ on resource: ARN][ REASON]}
 * (IAM User Guide, troubleshoot_access-denied; reference identity-and-fleet.md §5.4); lego, certbot,
 * acme.sh, cert-manager, the AWS CLI and the SDKs quote it whole, with their own prefix and suffix
 * (botocore's {@code An error occurred (AccessDenied) when calling the ... operation: }, aws-sdk-go's
 * {@code AccessDenied: ...\n\tstatus code: 403}), sometimes inside a JSON or XML string, so the message
 * is searched for rather than the line parsed.
 */
final class AccessDeniedText {
    /** Principal and action are single tokens; the resource ends at white space or a quote. */
    private static final Pattern MESSAGE = Pattern.compile(
            "User: (\\S+) is not authorized to perform: ([A-Za-z0-9-]+:[A-Za-z0-9]+)"
                    + "(?: on resource: ([^\\s\"'<>\\\\]+))?"
                    + "(?: (because no [a-z -]+? allows the [A-Za-z0-9:-]+ action"
                    + "|with an explicit deny in an? [a-z -]+?(?:policy|boundary)))?");
    private static final String HOSTED_ZONE = "hostedzone/";

    private AccessDeniedText() {
    }

    /** Every distinct AccessDenied message in the text, in order; empty when there is none. */
    static List<DeniedRequest> find(String text) {
        Set<String> seen = new LinkedHashSet<>();
        List<DeniedRequest> found = new ArrayList<>();
        Matcher m = MESSAGE.matcher(text);
        while (m.find()) {
            String principal = trimmed(m.group(1));
            String action = m.group(2);
            Optional<String> resource = Optional.ofNullable(m.group(3)).map(AccessDeniedText::trimmed);
            if (!seen.add(principal + " " + action + " " + resource.orElse(""))) {
                continue;
            }
            String reason = m.group(4) == null ? "" : " " + m.group(4).strip();
            String message = "AccessDenied: User: " + principal + " is not authorized to perform: " + action
                    + resource.map(r -> " on resource: " + r).orElse("") + reason;
            found.add(new DeniedRequest("error text", action, resource, resource.flatMap(AccessDeniedText::zoneOf),
                    Optional.of(principal), Optional.empty(), Optional.empty(), List.of(), false,
                    Optional.of(message)));
        }
        return found;
    }

    /** The zone id of a hosted-zone ARN ({@code arn:aws:route53:::hostedzone/Z...}). */
    static Optional<String> zoneOf(String resource) {
        Arn arn = Arn.parse(resource);
        if (arn == null || !arn.service().equals("route53") || !arn.resource().startsWith(HOSTED_ZONE)) {
            return Optional.empty();
        }
        try {
            return Optional.of(HostedZoneId.parse(arn.resource().substring(HOSTED_ZONE.length())).id());
        } catch (UsageException e) {
            return Optional.empty(); // not a zone id: the line names the zone as ZONEID
        }
    }

    /** Sentence punctuation a wrapper put right after an ARN is not part of it. */
    private static String trimmed(String token) {
        int end = token.length();
        while (end > 0 && ".,;:)]}".indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        return token.substring(0, end);
    }
}
