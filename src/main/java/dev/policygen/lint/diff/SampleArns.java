package dev.policygen.lint.diff;

import dev.policygen.generate.GenerateRequest;
import dev.policygen.generate.ResourceTemplate;
import dev.policygen.profile.ProfileCall;
import dev.policygen.route53.Arn;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.StsNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Concrete ARNs for requests. A policy grants patterns, but a request names one resource, so where
 * the client's resource is only known at run time (the id of a change, the account of a load
 * balancer) the diff uses a fixed, plausible sample instead.
 */
final class SampleArns {
    /** The id shape Route 53 gives changes; any {@code change/*} grant matches it. */
    static final String CHANGE_ID = "C2682N5HXP0BZ4";
    static final String REGION = "us-east-1";
    static final String ACCOUNT = "123456789012";
    /** Stands for whatever a {@code *} in a profile's ARN template leaves open. */
    static final String ANY_NAME = "example";

    /**
     * The resource of the {@code aws:SourceArn} ECS sends when it assumes a task role: a task of a
     * cluster in the role's account (S13's example leaves it open with {@code *}).
     */
    static final String ECS_TASK = "task/example-cluster/0123456789abcdef0123456789abcdef";

    private SampleArns() {
    }

    /** What a {@code *} resource in a service's {@code aws:SourceArn} pattern stands for in a request. */
    static String sourceResource(String service) {
        return service.equals(StsNames.ECS_TASKS_SERVICE) ? ECS_TASK : ANY_NAME;
    }

    static String change(GenerateRequest request) {
        return "arn:" + request.partition().id() + ":route53:::change/" + CHANGE_ID;
    }

    /** The resources one profile call is made on, for the zones the client writes to. */
    static List<String> of(GenerateRequest request, ProfileCall call, Collection<HostedZoneId> zones) {
        switch (call.resource()) {
            case ProfileCall.ANY:
                return List.of(ProfileCall.ANY);
            case ProfileCall.HOSTED_ZONE:
                return zones.stream().map(z -> request.partition().hostedZoneArn(z)).toList();
            case ProfileCall.CHANGE:
                return List.of(change(request));
            default:
                List<String> arns = new ArrayList<>();
                // the generator leaves an unknown region, account or name as *; a request needs a value
                ResourceTemplate.expand(call.resource(), request).forEach(arn -> arns.add(concrete(arn)));
                return arns;
        }
    }

    /** The ARN with a region, account or name left open ({@code *}) given the sample value; a non-ARN as it is. */
    static String concrete(String arn) {
        Arn parts = Arn.parse(arn);
        if (parts == null) {
            return arn;
        }
        return new Arn(parts.partition(), parts.service(), parts.region().equals("*") ? REGION : parts.region(),
                parts.account().equals("*") ? ACCOUNT : parts.account(), parts.resource().replace("*", ANY_NAME))
                .toString();
    }
}
