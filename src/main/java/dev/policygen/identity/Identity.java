package dev.policygen.identity;

/**
 * An IAM role policygen writes: its name, the runtime that assumes it, its trust policy and whether an
 * instance profile carries it (EC2). The permission documents attached to it are the generator's; a
 * format renders each identity with its documents, so a second identity (a DNS-account role) is one more.
 */
public record Identity(String roleName, String runtime, TrustPolicy trust, boolean instanceProfile) {
}
