package dev.policygen.sandbox;

import dev.policygen.InputException;
import dev.policygen.eval.CompiledPolicy;
import dev.policygen.eval.chain.LayeredPolicies;
import dev.policygen.model.PolicyReader;
import dev.policygen.sandbox.sts.SandboxAccounts;
import dev.policygen.sandbox.sts.SessionStore;
import dev.policygen.sandbox.sts.TemporaryCredentials;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps the access key a request was signed with to its principal: temporary credentials STS issued to
 * their role session (the role's policies, its boundary, the session policy and the role account's
 * SCPs), any other accepted key to the static user of the sandbox ({@code principalArn}, the
 * {@code --policy} files and its account's SCPs).
 */
final class Principals {
    private final SandboxAccounts accounts;
    private final SessionStore sessions;
    private final String userArn;
    private final List<CompiledPolicy> userPolicies;

    /** @param userPolicies the static user's policies; empty allows the user every call */
    Principals(SandboxAccounts accounts, SessionStore sessions, String userArn, List<CompiledPolicy> userPolicies) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.userArn = userArn;
        this.userPolicies = List.copyOf(userPolicies);
    }

    SandboxAccounts accounts() {
        return accounts;
    }

    SessionStore sessions() {
        return sessions;
    }

    /** The principal of an access key the signature check accepted. */
    SandboxPrincipal resolve(String accessKeyId) {
        Optional<TemporaryCredentials> session = sessions.find(accessKeyId);
        if (session.isPresent()) {
            TemporaryCredentials credentials = session.get();
            String account = credentials.role().account();
            return new SandboxPrincipal(credentials.sessionArn(), credentials.role().arn(), account,
                    credentials.assumedRoleId(), "AssumedRole",
                    credentials.role().sessionPolicies(accounts.scps(account), credentials.sessionPolicy()), credentials);
        }
        String account = accounts.accountOf(userArn);
        List<CompiledPolicy> scps = accounts.scps(account);
        LayeredPolicies policies = null;
        if (!userPolicies.isEmpty() || !scps.isEmpty()) {
            List<CompiledPolicy> identity = userPolicies.isEmpty() ? List.of(AllowAll.POLICY) : userPolicies;
            policies = new LayeredPolicies(List.of(), scps, identity, Optional.empty(), Optional.empty());
        }
        return new SandboxPrincipal(userArn, userArn, account, userId(userArn), "User", policies, null);
    }

    /** A stable AIDA... id for the static user, as IAM gives every user one. */
    private static String userId(String arn) {
        byte[] digest = SigV4Verifier.sha256(arn.getBytes(StandardCharsets.UTF_8));
        return "AIDA" + HexFormat.of().formatHex(digest, 0, 9).toUpperCase(Locale.ROOT);
    }

    /** The stand-in for "no --policy given": the static user may do anything, within its account's SCPs. */
    static final class AllowAll {
        static final CompiledPolicy POLICY = compile();

        private AllowAll() {
        }

        private static CompiledPolicy compile() {
            try {
                String text = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                        + "\"Resource\":\"*\"}]}";
                return CompiledPolicy.compile(PolicyReader.read(text, "(no --policy: allow all)"), 0,
                        "(no --policy: allow all)");
            } catch (InputException e) {
                throw new IllegalStateException("the allow-all policy is valid", e);
            }
        }
    }
}
