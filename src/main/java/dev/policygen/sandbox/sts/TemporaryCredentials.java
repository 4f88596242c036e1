package dev.policygen.sandbox.sts;

import dev.policygen.eval.CompiledPolicy;
import java.time.Instant;
import java.util.Optional;

/**
 * One role session STS handed out: the key triple a client signs with (an {@code ASIA} access key id,
 * its secret, the session token it must send as {@code X-Amz-Security-Token}), when it expires, the
 * role and session name it stands for, the session policy passed with the assumption, and whether it
 * came from another role session (role chaining caps such sessions at one hour).
 */
public record TemporaryCredentials(String accessKeyId, String secretAccessKey, String sessionToken,
        Instant expiration, StsRole role, String sessionName, Optional<CompiledPolicy> sessionPolicy) {

    /** {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}: the caller of a request signed with these. */
    public String sessionArn() {
        String partition = role.arn().split(":", 3)[1];
        return "arn:" + partition + ":sts::" + role.account() + ":assumed-role/" + role.name() + "/" + sessionName;
    }

    /** {@code AROA...:SESSION}: AssumedRoleId, GetCallerIdentity's UserId and aws:userid. */
    public String assumedRoleId() {
        return role.uniqueId() + ":" + sessionName;
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiration);
    }
}
