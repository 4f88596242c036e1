package dev.policygen.eval;

/** The outcome of evaluating identity policies (UG reference_policies_evaluation-logic). */
public enum Decision {
    ALLOWED("allowed"),
    /** A Deny statement matched; nothing can override it. */
    EXPLICIT_DENY("explicit-deny"),
    /** No statement allowed the request: the default. */
    IMPLICIT_DENY("implicit-deny");

    private final String json;

    Decision(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public boolean allowed() {
        return this == ALLOWED;
    }

    public static Decision fromJson(String text) {
        for (Decision d : values()) {
            if (d.json.equals(text)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown decision \"" + text + "\"; use allowed, explicit-deny or implicit-deny");
    }
}
