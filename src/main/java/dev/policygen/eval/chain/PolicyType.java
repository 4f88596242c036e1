package dev.policygen.eval.chain;

/** The policy types that bound a request, in the order the explanation lists them. */
public enum PolicyType {
    /** Resource control policies: must allow (each file one level) unless absent. */
    RCP("resource-control-policy"),
    /** Service control policies: every level (each file one level) must allow. */
    SCP("service-control-policy"),
    /** A role's trust policy: the resource-based policy of sts:AssumeRole*. */
    TRUST_POLICY("trust-policy"),
    /** The principal's own permission policies: must allow. */
    IDENTITY("identity"),
    /** A permissions boundary caps the identity policies: must allow when present. */
    PERMISSIONS_BOUNDARY("permissions-boundary"),
    /** A session policy passed to AssumeRole caps the session: must allow when present. */
    SESSION_POLICY("session-policy");

    private final String json;

    PolicyType(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }
}
