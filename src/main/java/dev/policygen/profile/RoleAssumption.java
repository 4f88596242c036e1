package dev.policygen.profile;

import java.util.Optional;

/**
 * How a client assumes a role in another account, such as the DNS account of a cross-account zone, and
 * whether it can pass an external id ({@code sts:ExternalId}) on that assumption. Read from a profile's
 * {@code assumeRole} entry, with its source like every other fact.
 *
 * <p>{@code setting} and {@code externalIdSetting} are what the user sets on the client, with the
 * placeholders {@value #ROLE_ARN} and {@value #EXTERNAL_ID} where the values go; each {@code ...Since}
 * names the first release that has the setting ("lego 4.7.0"), empty when every covered release has it.
 * A client that cannot assume a role (or cannot yet) has none of these, and {@code how} says why.
 */
public record RoleAssumption(Status status, Optional<String> setting, Optional<String> settingSince,
        Optional<String> externalIdSetting, Optional<String> externalIdSince, String how, String source) {

    /** Where the role ARN goes in {@link #setting}. */
    public static final String ROLE_ARN = "${role-arn}";
    /** Where the external id goes in {@link #externalIdSetting}. */
    public static final String EXTERNAL_ID = "${external-id}";

    public enum Status {
        /** The client assumes a role through {@link #setting}. */
        SUPPORTED("supported"),
        /** The client cannot assume a role for its Route 53 calls. */
        UNSUPPORTED("unsupported"),
        /** Not yet: policygen's own renew, whose role support is planned. */
        PLANNED("planned");

        private final String json;

        Status(String json) {
            this.json = json;
        }

        public String json() {
            return json;
        }
    }

    public boolean canAssumeRole() {
        return status == Status.SUPPORTED;
    }

    public boolean canSendExternalId() {
        return externalIdSetting.isPresent();
    }
}
