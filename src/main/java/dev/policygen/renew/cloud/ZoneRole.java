package dev.policygen.renew.cloud;

import dev.policygen.route53.Arn;
import java.util.Optional;

/**
 * The role a zone in another account is reached through (the renew config's {@code roleArn} on a zone, with
 * optional {@code externalId} and {@code sessionName}): its Route 53 calls are signed with a session of this
 * role, which the run's own credentials assume. Two zones with an equal role share one session.
 */
public record ZoneRole(String roleArn, Optional<String> externalId, Optional<String> sessionName) {
    /** The role's account, the 12 digits of its ARN. */
    public String account() {
        return Arn.parse(roleArn).account();
    }

    /** The role's name, the ARN's resource after {@code role/} and any path. */
    public String roleName() {
        String resource = Arn.parse(roleArn).resource();
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    /** The role's partition ({@code aws}, {@code aws-cn}...). */
    public String partition() {
        return Arn.parse(roleArn).partition();
    }
}
