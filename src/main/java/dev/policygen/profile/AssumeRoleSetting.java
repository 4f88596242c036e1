package dev.policygen.profile;

import dev.policygen.UsageException;
import java.util.Optional;

/**
 * The check a cross-account zone makes on the client: the client setting {@code --explain} prints for
 * the DNS-account role, or a usage error naming the client and why it cannot (it cannot assume a role;
 * it cannot send an external id). The facts come from the profile's {@link RoleAssumption}; this class
 * only words them, so a profile change needs no code change. On generate's path: no lambdas, no regular
 * expressions.
 */
public final class AssumeRoleSetting {
    private AssumeRoleSetting() {
    }

    /**
     * The one line that tells the user how to make {@code profile}'s client assume {@code roleArn},
     * sending {@code externalId} when one is given, for example
     * {@code lego: set AWS_ASSUME_ROLE_ARN=arn:aws:iam::222233334444:role/dns (needs lego >= 4.7.0)}.
     *
     * @throws UsageException when the client cannot assume a role, or an external id is asked for and
     *     the client cannot send one
     */
    public static String line(ClientProfile profile, String roleArn, Optional<String> externalId)
            throws UsageException {
        RoleAssumption role = profile.assumeRole();
        if (role.status() == RoleAssumption.Status.PLANNED) {
            throw new UsageException(profile.client(), profile.client() + " cannot assume a role yet, so it cannot"
                    + " reach a zone in another account: " + role.how());
        }
        if (!role.canAssumeRole()) {
            throw new UsageException(profile.client(), profile.client() + " cannot assume a role, so it cannot"
                    + " reach a zone in another account: " + role.how());
        }
        if (externalId.isPresent() && !role.canSendExternalId()) {
            throw new UsageException(externalId.get(), profile.client() + " cannot send an external id, so the DNS"
                    + " role's trust cannot require one: " + role.how());
        }
        StringBuilder line = new StringBuilder(profile.client()).append(": set ")
                .append(role.setting().get().replace(RoleAssumption.ROLE_ARN, roleArn));
        appendNeeds(line, role.settingSince());
        if (externalId.isPresent()) {
            line.append(" and ").append(role.externalIdSetting().get().replace(RoleAssumption.EXTERNAL_ID,
                    externalId.get()));
            appendNeeds(line, role.externalIdSince());
        }
        return line.toString();
    }

    /** " (needs lego >= 4.12.0)" for a since of "lego 4.12.0"; nothing for a setting every release has. */
    private static void appendNeeds(StringBuilder line, Optional<String> since) {
        if (since.isPresent()) {
            String text = since.get();
            int space = text.indexOf(' ');
            line.append(" (needs ").append(text, 0, space).append(" >= ").append(text, space + 1, text.length())
                    .append(')');
        }
    }
}
