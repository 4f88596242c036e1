package dev.policygen.renew.guard;

import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.Partition;

/**
 * The partition, region and account the renewer's ARNs are built in, so the guard judges each call
 * on the resource AWS will judge it on. An unknown account is {@code *}: a policy scoped to one
 * account then refuses the call, which is the safe side.
 */
public record AwsScope(Partition partition, String region, String account) {
    public static final String ANY_ACCOUNT = "*";

    public String hostedZone(HostedZoneId zone) {
        return partition.hostedZoneArn(zone);
    }

    public String change(String changeId) {
        return "arn:" + partition.id() + ":route53:::change/" + changeId;
    }

    public String serverCertificate(String name) {
        return "arn:" + partition.id() + ":iam::" + account + ":server-certificate/" + name;
    }

    public String classicLoadBalancer(String name) {
        return "arn:" + partition.id() + ":elasticloadbalancing:" + region + ":" + account + ":loadbalancer/" + name;
    }

    /** The resource of an ACM import that creates a new certificate, whose ARN is not known before. */
    public String anyAcmCertificate() {
        return "arn:" + partition.id() + ":acm:" + region + ":" + account + ":certificate/*";
    }

    public String object(String bucket, String key) {
        return "arn:" + partition.id() + ":s3:::" + bucket + "/" + key;
    }
}
