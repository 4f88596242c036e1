package dev.policygen.sandbox;

import dev.policygen.eval.chain.LayeredPolicies;
import dev.policygen.sandbox.sts.TemporaryCredentials;

/**
 * Who signed a request, as IAM sees them: the ARN AccessDenied messages and GetCallerIdentity name
 * ({@code arn}: the user, or {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}), the value of
 * {@code aws:PrincipalArn} (the user, or the role: AWS never puts the session ARN there; reference
 * identity-and-fleet 3.3), the account, {@code aws:userid}, {@code aws:PrincipalType}, and the policies
 * a request of theirs is evaluated under (null: none given, every call allowed).
 *
 * @param session the role session behind temporary credentials, null for the static user
 */
record SandboxPrincipal(String arn, String principalArn, String account, String userId, String type,
        LayeredPolicies policies, TemporaryCredentials session) {

    String userName() {
        return session == null ? principalArn.substring(principalArn.lastIndexOf('/') + 1) : null;
    }
}
