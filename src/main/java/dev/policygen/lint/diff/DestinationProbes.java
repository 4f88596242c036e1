package dev.policygen.lint.diff;

import dev.policygen.UsageException;
import dev.policygen.eval.PolicyEvaluator;
import dev.policygen.generate.GenerateRequest;
import dev.policygen.generate.PolicyGenerator;
import dev.policygen.generate.ResourceTemplate;
import dev.policygen.model.PolicyDocument;
import dev.policygen.profile.ProfileCall;
import dev.policygen.profile.Purpose;
import dev.policygen.route53.Arn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Probes for a profile's calls beyond Route 53 (the certificate destinations of {@code policygen} and
 * {@code deliver}): each call the request switches on, sent to another resource of the same type than the
 * one configured (another ACM certificate, listener, load balancer or certificate name prefix), and each call
 * it leaves off (iam:DeleteServerCertificate without --delete-old, an ACM import as new when only given ARNs
 * are re-imported) on the resource it would have. A probe the policy generate writes for the request allows
 * is dropped, so exactly that policy allows none of them, however wide a destination's own grant is
 * (an ELBv2 listener's ACM certificate is any {@code certificate/*}).
 */
final class DestinationProbes {
    /** Replaces the configured name in a sibling ARN: no configured resource ends in it. */
    static final String OTHER_NAME = "probe-other";

    private DestinationProbes() {
    }

    static List<Probe> of(GenerateRequest request) throws UsageException {
        Map<String, Probe> probes = new LinkedHashMap<>();
        // an action some given destination calls is probed on other resources; on its own sample it is needed
        Set<String> onActions = new HashSet<>();
        for (ProfileCall call : request.profile().calls(Purpose.EXTRA)) {
            if (switchedOn(call, request)) {
                onActions.add(call.action());
            }
        }
        for (ProfileCall call : request.profile().calls(Purpose.EXTRA)) {
            boolean on = switchedOn(call, request);
            if (!on && onActions.contains(call.action())) {
                continue;
            }
            for (String arn : ResourceTemplate.expand(call.resource(), request)) {
                if (arn.contains("${") || arn.equals(ProfileCall.ANY)) {
                    continue;
                }
                String resource = on ? sibling(arn) : SampleArns.concrete(arn);
                if (resource == null) {
                    continue;
                }
                String reason = on ? "a resource other than the configured one"
                        : "a call only " + call.when().orElseThrow() + " needs, which is not given";
                Probe probe = new Probe(ClientRequest.call(call.action(), resource), reason);
                probes.putIfAbsent(probe.request().description(), probe);
            }
        }
        PolicyEvaluator generated = PolicyEvaluator.of(List.of(
                PolicyDocument.of(PolicyGenerator.generate(request).allow())));
        List<Probe> kept = new ArrayList<>();
        for (Probe probe : probes.values()) {
            if (!generated.evaluate(probe.request().access()).decision().allowed()) {
                kept.add(probe);
            }
        }
        return kept;
    }

    private static boolean switchedOn(ProfileCall call, GenerateRequest request) {
        return call.when().isEmpty() || request.clientSettings().contains(call.when().get());
    }

    /** The ARN with its last name (after the final '/' or ':') replaced, or null when it has none to replace. */
    private static String sibling(String arn) {
        Arn parts = Arn.parse(SampleArns.concrete(arn));
        if (parts == null) {
            return null;
        }
        String resource = parts.resource();
        int cut = Math.max(resource.lastIndexOf('/'), resource.lastIndexOf(':'));
        if (cut < 0) {
            return null;
        }
        return new Arn(parts.partition(), parts.service(), parts.region(), parts.account(),
                resource.substring(0, cut + 1) + OTHER_NAME).toString();
    }
}
