package dev.policygen.route53;

import dev.policygen.UsageException;

/** The AWS partitions whose Route 53 endpoints accept the record-level condition keys. */
public enum Partition {
    AWS("aws"),
    AWS_CN("aws-cn"),
    AWS_US_GOV("aws-us-gov");

    private final String id;

    Partition(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Partition parse(String text) throws UsageException {
        for (Partition p : values()) {
            if (p.id.equals(text)) {
                return p;
            }
        }
        throw new UsageException(text, "unknown partition \"" + text + "\"; use aws, aws-cn or aws-us-gov");
    }

    public String hostedZoneArn(HostedZoneId zone) {
        return "arn:" + id + ":route53:::hostedzone/" + zone.id();
    }

    public String anyChangeArn() {
        return "arn:" + id + ":route53:::change/*";
    }
}
