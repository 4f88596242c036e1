package dev.policygen.eval.chain;

import dev.policygen.route53.Arn;
import dev.policygen.route53.AwsSyntax;
import dev.policygen.route53.StsNames;
import java.util.List;
import java.util.Optional;

/**
 * Who calls {@code sts:AssumeRole*}: an IAM user or role ARN (its account decides same- versus
 * cross-account, and its own policies must allow unless the trust policy names it in the same account),
 * an AWS service principal such as {@code ecs-tasks.amazonaws.com} (the service assumes the role on
 * the customer's behalf: it has no IAM policies, the trust policy decides), or a web identity (an OIDC
 * provider ARN, whose {@code HOST:sub}/{@code HOST:aud} claims the request context carries; no policies
 * of its own either).
 *
 * <p>A role session ({@code arn:PARTITION:sts::ACCOUNT:assumed-role/NAME/SESSION}) carries no role path,
 * so {@code sessionRole} is the ARN of its role as IAM holds it, path included: the value of
 * {@code aws:PrincipalArn} and the role ARN a Principal must name to match the session (AWS resolves the
 * session to its role; UG reference_policies_elements_principal, "Role session principals"). Null for
 * any other caller. {@link #Caller(String, boolean, LayeredPolicies)} takes the role of a session to be
 * at IAM's default path {@code /}; {@link #session} names it exactly.
 */
public record Caller(String arn, boolean webIdentity, LayeredPolicies policies, String sessionRole) {
    public Caller {
        if (sessionRole != null) {
            checkSessionRole(arn, sessionRole);
        }
    }

    /** A caller; a role session's role is taken to be at path {@code /}. */
    public Caller(String arn, boolean webIdentity, LayeredPolicies policies) {
        this(arn, webIdentity, policies, webIdentity ? null : TrustPolicyCompiler.roleOfSession(arn).orElse(null));
    }

    /**
     * The role session {@code sessionArn} of the role {@code roleArn} ({@code arn:PARTITION:iam::ACCOUNT:role/PATH/NAME}),
     * as the sandbox and {@code simulate --caller-role} know it; the role must be the session's (same
     * partition, account and name), or this throws {@link IllegalArgumentException} naming both.
     */
    public static Caller session(String sessionArn, String roleArn, LayeredPolicies policies) {
        return new Caller(sessionArn, false, policies, roleArn);
    }

    private static void checkSessionRole(String sessionArn, String roleArn) {
        Optional<String> pathless = TrustPolicyCompiler.roleOfSession(sessionArn);
        if (pathless.isEmpty()) {
            throw new IllegalArgumentException("\"" + sessionArn + "\" is not a role session ARN"
                    + " (arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION), so it has no role");
        }
        Arn session = Arn.parse(pathless.get());
        Arn role = AwsSyntax.isRoleArn(roleArn) ? Arn.parse(roleArn) : null;
        String name = session.resource().substring("role/".length());
        if (role == null || !role.partition().equals(session.partition()) || !role.account().equals(session.account())
                || !role.resource().endsWith("/" + name)) {
            throw new IllegalArgumentException("\"" + roleArn + "\" is not the role of the session \"" + sessionArn
                    + "\"; expected arn:" + session.partition() + ":iam::" + session.account() + ":role/[PATH/]" + name);
        }
    }

    /** The session name simulate gives an assumed-role caller; any name works, AWS matches the role part. */
    static final String SESSION_NAME = "policygen-simulated-session";

    /** The account of an IAM ARN, empty for a service principal. */
    public Optional<String> account() {
        return accountOf(arn);
    }

    /** The account an ARN names (a caller's, or the role's it assumes); empty when it names none. */
    static Optional<String> accountOf(String arn) {
        Arn parsed = Arn.parse(arn);
        return parsed == null || parsed.account().isEmpty() ? Optional.empty() : Optional.of(parsed.account());
    }

    /**
     * Whether the caller is an IAM user or role, the only callers with identity policies, a
     * permissions boundary and SCPs, and whose requests carry {@code aws:PrincipalArn} (UG
     * reference_policies_condition-keys, aws:PrincipalArn).
     */
    public boolean iamPrincipal() {
        if (webIdentity) {
            return false;
        }
        Arn parsed = Arn.parse(arn);
        if (parsed == null || !AwsSyntax.isAccountId(parsed.account())) {
            return false;
        }
        return parsed.service().equals("iam")
                ? parsed.resource().startsWith("user/") || parsed.resource().startsWith("role/")
                : parsed.service().equals("sts") && (parsed.resource().startsWith("assumed-role/")
                        || parsed.resource().startsWith("federated-user/"));
    }

    /**
     * For a role caller, the ARN of its session ({@code arn:PARTITION:sts::ACCOUNT:assumed-role/NAME/SESSION}):
     * a role calls AWS through a session, and a resource-based policy that grants the role ARN rather than
     * the session is still limited by the caller's permissions boundary (UG access_policies_boundaries,
     * "Resource-based policies"). Empty for other callers.
     */
    Optional<String> sessionArn() {
        Arn parsed = Arn.parse(arn);
        if (iamPrincipal() && parsed.service().equals("sts") && parsed.resource().startsWith("assumed-role/")) {
            return Optional.of(arn);
        }
        if (!iamPrincipal() || !parsed.service().equals("iam") || !parsed.resource().startsWith("role/")) {
            return Optional.empty();
        }
        String name = parsed.resource().substring(parsed.resource().lastIndexOf('/') + 1);
        return Optional.of("arn:" + parsed.partition() + ":sts::" + parsed.account() + ":assumed-role/" + name + "/"
                + SESSION_NAME);
    }

    /**
     * The ARN {@code aws:PrincipalArn} carries and a resource policy's role principal is matched with: for
     * a role session its role's ARN with the role's path ({@link #sessionRole}), for any other caller its own
     * ARN (UG reference_policies_condition-keys, aws:PrincipalArn).
     */
    public String principalArn() {
        return sessionRole != null ? sessionRole : arn;
    }

    /** The identifiers a trust policy's Principal may name for this caller. */
    public List<String> identifiers() {
        return webIdentity ? List.of(arn) : TrustPolicyCompiler.identifiers(arn, principalArn());
    }

    /** The OIDC host an {@code oidc-provider/HOST} ARN names, for the {@code HOST:sub} keys. */
    public Optional<String> oidcHost() {
        return StsNames.oidcProviderHost(arn);
    }
}
