package dev.policygen.sandbox;

/**
 * A public hosted zone of the sandbox: bare id ({@code Z...}), normalized apex name, and the
 * fields GetHostedZone returns.
 */
public record HostedZone(String id, String name, String callerReference, String comment) {

    public String dnsName() {
        return name + ".";
    }

    /** Whether a normalized record name lies in this zone (the apex included). */
    public boolean contains(String normalizedName) {
        return normalizedName.equals(name) || normalizedName.endsWith("." + name);
    }

    public String arn() {
        return "arn:aws:route53:::hostedzone/" + id;
    }
}
