package dev.policygen.lint.rules;

import dev.policygen.eval.Glob;
import dev.policygen.route53.Arn;
import java.util.List;

/**
 * One kind of object a renewer acts on one at a time (a listener, a load balancer, a server
 * certificate, the account key object), the actions on it, and how to tell a Resource pattern that
 * names such objects from one that stands for any of them.
 *
 * <p>A pattern stands for any object when a path segment of its object part (after the resource
 * type, e.g. {@code listener/}) starts with a wildcard: {@code listener/*},
 * {@code listener/app/*}{@code /...}, {@code bucket/*}. A wildcard after a literal start is a naming
 * scope someone chose ({@code server-certificate/www-*}, which generate writes for
 * --iam-certificate-prefix, or an S3 key prefix {@code bucket/prefix/*}, which generate writes for
 * --state) and is not reported; neither is {@code *} in the region or account
 * segment, which reaches the same name elsewhere rather than every name. Patterns are split as the
 * evaluator splits them ({@code eval.ArnPattern}): an ARN with fewer than six parts is padded with
 * {@code *} parts, since a final {@code *} crosses colons (docs/design/iam-semantics.md §5.2).
 *
 * @param what     the object, as a finding names it ("ELB listener")
 * @param service  the ARN's service segment
 * @param type     the start of the ARN's resource part that names the type ("" for S3 objects)
 * @param anyName  an object part no naming scope would cover, to test patterns that wildcard the type
 * @param fix      what to name instead, as a finding says it
 * @param actions  the actions on this kind of object that the rule looks for
 */
record SingleObjectGrant(String what, String service, String type, String anyName, String fix, List<String> actions) {

    /**
     * The table. acm:ImportCertificate on certificate/* is not in it: generate grants exactly that
     * for --listener-arn and --acm-import-new, where ACM picks the new certificate's ARN.
     * iam:UploadServerCertificate only creates (IAM refuses a name in use), and letsencrypt-aws
     * uploads under names it makes up, so its profile grants it on server-certificate/*.
     */
    static final List<SingleObjectGrant> ALL = List.of(
            new SingleObjectGrant("ELB listener", "elasticloadbalancing", "listener/",
                    "app/any-name/0123456789abcdef/0123456789abcdef",
                    "name each listener ARN (...:listener/app/NAME/LB-ID/LISTENER-ID)",
                    List.of("elasticloadbalancing:ModifyListener")),
            new SingleObjectGrant("classic load balancer", "elasticloadbalancing", "loadbalancer/", "any-name",
                    "name each load balancer (...:loadbalancer/NAME)",
                    List.of("elasticloadbalancing:SetLoadBalancerListenerSSLCertificate")),
            new SingleObjectGrant("IAM server certificate", "iam", "server-certificate/", "any-name",
                    "name the certificates (...:server-certificate/NAME, or a name prefix such as NAME-*)",
                    List.of("iam:DeleteServerCertificate")),
            new SingleObjectGrant("S3 object", "s3", "", "any-bucket/any-key",
                    "name the account key object (arn:aws:s3:::BUCKET/KEY)",
                    List.of("s3:GetObject", "s3:PutObject")));

    /** An ARN of this kind whose object part is {@link #anyName}. */
    String anyObjectArn() {
        boolean regional = !service.equals("iam") && !service.equals("s3");
        String account = service.equals("s3") ? "" : "111122223333";
        return "arn:aws:" + service + ":" + (regional ? "us-east-1" : "") + ":" + account + ":" + type + anyName;
    }

    /** True when {@code pattern}, a Resource value, reaches every object of this kind. */
    boolean standsForAnyObject(String pattern) {
        if (!pattern.startsWith("arn:")) {
            return Glob.of(pattern, false).matches(anyObjectArn());
        }
        String[] parts = arnParts(pattern);
        if (!Glob.of(parts[1], true).matches(service)) {
            return false;
        }
        String resource = parts[4];
        if (!resource.startsWith(type)) {
            return Glob.of(resource, false).matches(type + anyName);
        }
        String[] segments = resource.substring(type.length()).split("/", -1);
        // an S3 key prefix (BUCKET/PREFIX/*, renew's shared state from generate --state) is a naming scope
        // like server-certificate/www-*: only a wildcard in the bucket or the key's first segment reaches any object
        int checked = service.equals("s3") ? Math.min(2, segments.length) : segments.length;
        for (int i = 0; i < checked; i++) {
            if (segments[i].startsWith("*") || segments[i].startsWith("?")) {
                return true;
            }
        }
        return false;
    }

    /** Partition, service, region, account and resource, padded with "*" as IAM pads a short ARN. */
    private static String[] arnParts(String arn) {
        return Arn.parsePattern(arn).parts();
    }
}
