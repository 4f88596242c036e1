package dev.policygen.identity;

import dev.policygen.UsageException;
import dev.policygen.route53.AwsSyntax;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The checked cross-account options of a generate request: {@code --dns-account} (the account that holds
 * every zone of the request), {@code --dns-role-name} and, with a DNS account, {@code --external-id} as the
 * external id the DNS role's trust requires. Every zone is in the one DNS account because a client process
 * assumes one role for all its Route 53 calls (lego's {@code AWS_ASSUME_ROLE_ARN}, certbot's profile,
 * cert-manager's issuer {@code role}); docs/cross-account.md says why a per-zone account is not offered.
 *
 * <p>The DNS role's trust has the shape of the {@code role} runtime's (runtimes/role.json, with its
 * sources): exactly the workload role's ARN, {@code sts:AssumeRole}, {@code sts:ExternalId} when given.
 * {@link #identity} builds it from that data file rather than stating the shape a second time.
 */
public final class DnsAccountRequest {
    /** The DNS role's default name after the client's: {@code CLIENT-dns01-zone-writer}. */
    public static final String DEFAULT_ROLE_SUFFIX = "-dns01-zone-writer";

    private final String account;
    private final Optional<String> roleName;
    private final Optional<String> externalId;

    private DnsAccountRequest(String account, Optional<String> roleName, Optional<String> externalId) {
        this.account = account;
        this.roleName = roleName;
        this.externalId = externalId;
    }

    /**
     * Checks each value's syntax, in the order they are named in errors.
     *
     * @param account {@code --dns-account}
     * @param roleName {@code --dns-role-name}; null for the default
     * @param externalId {@code --external-id}; null when not given
     */
    public static DnsAccountRequest parse(String account, String roleName, String externalId) throws UsageException {
        if (!AwsSyntax.isAccountId(account)) {
            throw new UsageException(account, "invalid --dns-account \"" + account + "\": an account id is 12 digits");
        }
        return new DnsAccountRequest(account,
                Optional.ofNullable(roleName == null ? null : RuntimeOptionSyntax.roleName("--dns-role-name", roleName)),
                Optional.ofNullable(externalId == null ? null : RuntimeOptionSyntax.externalId(externalId)));
    }

    /**
     * Holds the DNS account to the role that runs the client: there must be one (the DNS role trusts a role
     * ARN, never a user or an account root), and it must be in another account (in the same account the
     * workload role can simply hold the Route 53 permissions; a second role would only add a hop).
     */
    public void checkAgainst(RoleRequest role, Optional<String> workloadAccount) throws UsageException {
        if (role == null || !role.hasRole()) {
            throw new UsageException(account, "--dns-account " + account + " needs --runtime KIND (not user): the DNS"
                    + " account's role trusts exactly the role that runs the client, and a user has no role ARN to trust");
        }
        if (workloadAccount.isPresent() && workloadAccount.get().equals(account)) {
            throw new UsageException(account, "--dns-account " + account + " is --aws-account too: in one account the"
                    + " role that runs the client holds the Route 53 permissions itself; drop --dns-account");
        }
        if (externalId.isPresent() && role.option("--external-id").isPresent()) {
            throw new IllegalStateException("the binder gives --external-id to one of the two roles");
        }
    }

    public String account() {
        return account;
    }

    public Optional<String> roleName() {
        return roleName;
    }

    /** {@code --dns-role-name}, or {@code CLIENT-dns01-zone-writer}. */
    public String roleName(String client) {
        return roleName.orElse(client + DEFAULT_ROLE_SUFFIX);
    }

    /** The external id the DNS role's trust requires and the client sends. */
    public Optional<String> externalId() {
        return externalId;
    }

    /** The DNS role's ARN, {@code arn:PARTITION:iam::DNS_ACCOUNT:role/NAME}: what the client assumes. */
    public String roleArn(String partition, String client) {
        return roleArn(partition, account, roleName(client));
    }

    /** A role's ARN without a path, as policygen names the roles it writes. */
    public static String roleArn(String partition, String account, String roleName) {
        return "arn:" + partition + ":iam::" + account + ":role/" + roleName;
    }

    /**
     * The role in the DNS account: trusted by exactly {@code workloadRoleArn}, with {@code sts:ExternalId}
     * when given; its trust policy is held to the trust quota like every other.
     */
    public Identity identity(String client, String partition, String workloadRoleArn) throws UsageException {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("--trusted-role", workloadRoleArn);
        externalId.ifPresent(id -> options.put("--external-id", id));
        RoleRequest trusted = RoleRequest.parse(Runtimes.ROLE, roleName(client), options);
        return TrustPolicies.identity(trusted, client, partition, account, Optional.empty());
    }

    /** The options that rebuild this: {@code --dns-account}, {@code --dns-role-name}, {@code --external-id}. */
    public List<String> toArguments() {
        List<String> arguments = new ArrayList<>(List.of("--dns-account", account));
        roleName.ifPresent(name -> arguments.addAll(List.of("--dns-role-name", name)));
        externalId.ifPresent(id -> arguments.addAll(List.of("--external-id", id)));
        return arguments;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DnsAccountRequest other && account.equals(other.account)
                && roleName.equals(other.roleName) && externalId.equals(other.externalId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(account, roleName, externalId);
    }

    @Override
    public String toString() {
        return String.join(" ", toArguments());
    }
}
