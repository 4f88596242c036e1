package dev.policygen.model;

import java.util.Optional;

public enum Effect {
    ALLOW("Allow"),
    DENY("Deny");

    private final String json;

    Effect(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    /** Exact, case-sensitive match, as IAM requires. */
    public static Optional<Effect> fromJson(String text) {
        for (Effect effect : values()) {
            if (effect.json.equals(text)) {
                return Optional.of(effect);
            }
        }
        return Optional.empty();
    }
}
