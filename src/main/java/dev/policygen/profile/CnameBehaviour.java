package dev.policygen.profile;

/** Whether a client writes its TXT record at the target of an {@code _acme-challenge} CNAME. */
public record CnameBehaviour(Mode mode, String how, String source) {

    public enum Mode {
        /** Follows CNAMEs unless told not to (lego since 4.9.0). */
        BY_DEFAULT("by-default"),
        /** Follows, or writes to an alias name, only when configured to. */
        WHEN_CONFIGURED("when-configured"),
        /** Always writes to {@code _acme-challenge.<domain>} in the domain's own zone. */
        NEVER("never");

        private final String json;

        Mode(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }
}
