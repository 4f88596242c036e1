package dev.policygen.sandbox.sts;

import dev.policygen.InputException;
import dev.policygen.eval.CompiledPolicy;
import dev.policygen.eval.chain.TrustPolicyCompiler;
import dev.policygen.io.InputFiles;
import dev.policygen.model.PolicyReader;
import dev.policygen.route53.Arn;
import dev.policygen.route53.AwsSyntax;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The accounts a sandbox holds: the default one (the static user's, which owns every zone not given
 * another), the SCP levels of each account, and the roles STS can hand out sessions of, their policy
 * files read and compiled once at start. Hosted zones belong to one account each, as on AWS: Route 53
 * has no resource-based policies, so only principals of the zone's own account can reach it.
 */
public final class SandboxAccounts {
    /** AWS's default MaxSessionDuration of a role (UG id_roles_use; reference identity-and-fleet 2). */
    public static final Duration DEFAULT_MAX_SESSION = Duration.ofHours(1);

    private final String defaultAccount;
    private final Map<String, List<CompiledPolicy>> scps;
    private final Map<String, StsRole> roles;
    private final Map<String, String> zoneAccounts;

    private SandboxAccounts(String defaultAccount, Map<String, List<CompiledPolicy>> scps, Map<String, StsRole> roles,
            Map<String, String> zoneAccounts) {
        this.defaultAccount = defaultAccount;
        this.scps = Map.copyOf(scps);
        this.roles = Map.copyOf(roles);
        this.zoneAccounts = Map.copyOf(zoneAccounts);
    }

    /**
     * Reads every declared file.
     *
     * @param scpFiles SCP files by account id; each file is one organisation level, every level must allow
     * @param zoneAccounts account ids by normalized zone name, for zones outside the default account
     */
    public static SandboxAccounts load(String defaultAccount, Map<String, List<Path>> scpFiles,
            List<RoleDeclaration> declarations, Map<String, String> zoneAccounts) throws InputException {
        Map<String, List<CompiledPolicy>> scps = new LinkedHashMap<>();
        for (Map.Entry<String, List<Path>> account : scpFiles.entrySet()) {
            checkAccount(account.getKey());
            scps.put(account.getKey(), policies(account.getValue(), "service control policy"));
        }
        Map<String, StsRole> roles = new LinkedHashMap<>();
        for (RoleDeclaration role : declarations) {
            roles.put(role.arn(), role(role));
        }
        zoneAccounts.values().forEach(SandboxAccounts::checkAccount);
        return new SandboxAccounts(defaultAccount, scps, roles, zoneAccounts);
    }

    /** A sandbox with one account and no roles: what every config without accounts gets. */
    public static SandboxAccounts single(String defaultAccount) {
        return new SandboxAccounts(defaultAccount, Map.of(), Map.of(), Map.of());
    }

    /** Refuses a role ARN that IAM would not accept; the message names the value. */
    public static String checkRoleArn(String arn) {
        if (!AwsSyntax.isRoleArn(arn)) {
            throw new IllegalArgumentException("\"" + arn + "\" is not a role ARN (arn:aws:iam::ACCOUNT:role/NAME)");
        }
        return arn;
    }

    /** Refuses a role IAM would not hold: a bad ARN, a maxSessionDuration outside 3600 to 43200 seconds. */
    public static RoleDeclaration checked(RoleDeclaration role) {
        checkRoleArn(role.arn());
        Integer max = role.maxSessionDurationSeconds();
        if (max != null && (max < 3600 || max > 43200)) {
            throw new IllegalArgumentException("a role's maxSessionDuration is 3600 to 43200 seconds, not " + max);
        }
        return role;
    }

    public static String checkAccount(String account) {
        if (account == null || !AwsSyntax.isAccountId(account)) {
            throw new IllegalArgumentException("\"" + account + "\" is not an AWS account id (12 digits)");
        }
        return account;
    }

    private static StsRole role(RoleDeclaration declaration) throws InputException {
        String trustText = InputFiles.read(declaration.trustPolicy(), "trust policy");
        CompiledPolicy trust = TrustPolicyCompiler.compile(trustText, declaration.trustPolicy().toString(), 0);
        Optional<CompiledPolicy> boundary = Optional.empty();
        if (declaration.permissionsBoundary() != null) {
            boundary = Optional.of(policies(List.of(declaration.permissionsBoundary()), "permissions boundary").get(0));
        }
        Duration max = declaration.maxSessionDurationSeconds() == null ? DEFAULT_MAX_SESSION
                : Duration.ofSeconds(declaration.maxSessionDurationSeconds());
        return new StsRole(declaration.arn(), trust, policies(declaration.policies(), "policy"), boundary, max);
    }

    private static List<CompiledPolicy> policies(List<Path> files, String what) throws InputException {
        List<CompiledPolicy> compiled = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String text = InputFiles.read(file, what);
            compiled.add(CompiledPolicy.compile(PolicyReader.read(text, file.toString()), i, file.toString()));
        }
        return compiled;
    }

    public String defaultAccount() {
        return defaultAccount;
    }

    public Optional<StsRole> role(String arn) {
        return arn == null ? Optional.empty() : Optional.ofNullable(roles.get(arn));
    }

    public List<StsRole> roles() {
        return List.copyOf(roles.values());
    }

    /** The SCP levels of an account; empty when it is in no organisation. */
    public List<CompiledPolicy> scps(String account) {
        return scps.getOrDefault(account, List.of());
    }

    /** The account that owns a zone, by its normalized name: the default one unless the config says another. */
    public String zoneAccount(String zoneName) {
        return zoneAccounts.getOrDefault(zoneName, defaultAccount);
    }

    /** The account an ARN names, or the default account when it names none. */
    public String accountOf(String arn) {
        Arn parsed = Arn.parse(arn);
        return parsed == null || parsed.account().isEmpty() ? defaultAccount : parsed.account();
    }
}
