package dev.policygen.generate;

import dev.policygen.UsageException;
import dev.policygen.identity.DnsAccountRequest;
import dev.policygen.identity.RoleRequest;
import dev.policygen.identity.Runtimes;
import dev.policygen.profile.ClientProfile;
import dev.policygen.profile.Profiles;
import dev.policygen.route53.Partition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * generate's request options as their text, and the one place they become a
 * {@link GenerateRequest.Builder}: generate (on picocli or its fast path), lint's profile diff and
 * validate's reference policy fill in the options they have and call {@link #builder}. Values are
 * checked in a fixed order, whatever order the command line gave them in, so the first error named
 * is always the same. {@link GenerateRequest#toArguments} is the way back.
 */
public final class RequestOptions {
    private final String client;
    private String partition;
    private boolean zoneIdConfigured;
    private final List<String> zones = new ArrayList<>();
    private final List<String> domains = new ArrayList<>();
    private final List<String> challengeAliases = new ArrayList<>();
    private final List<String> challengeCnames = new ArrayList<>();
    private final List<String> sourceIps = new ArrayList<>();
    private final List<String> sourceVpcEndpoints = new ArrayList<>();
    private final List<String> sourceVpcs = new ArrayList<>();
    private boolean separateDeny;
    private final List<String> settings = new ArrayList<>();
    private String account;
    private String region;
    private final List<String> elbNames = new ArrayList<>();
    private String accountKey;
    private String state;
    private final List<String> iamCertificatePrefixes = new ArrayList<>();
    private final List<String> listenerArns = new ArrayList<>();
    private final List<String> acmCertificateArns = new ArrayList<>();
    private final List<String> notifyTopicArns = new ArrayList<>();
    private boolean acmImportNew;
    private boolean deleteOld;
    private String runtime;
    private String roleName;
    /** Runtime option name ({@code --oidc-provider}, ...) to value; null until one is given. */
    private Map<String, String> runtimeOptions;
    private String dnsAccount;
    private String dnsRoleName;

    /** {@code --client}: a bundled profile's name or alias. */
    public RequestOptions(String client) {
        this.client = client;
    }

    /** {@code --partition}; null for the default, aws. */
    public RequestOptions partition(String value) {
        partition = value;
        return this;
    }

    public RequestOptions zoneIdConfigured(boolean value) {
        zoneIdConfigured = value;
        return this;
    }

    public RequestOptions zones(List<String> values) {
        zones.addAll(values);
        return this;
    }

    public RequestOptions domains(List<String> values) {
        domains.addAll(values);
        return this;
    }

    public RequestOptions challengeAliases(List<String> values) {
        challengeAliases.addAll(values);
        return this;
    }

    public RequestOptions challengeCnames(List<String> values) {
        challengeCnames.addAll(values);
        return this;
    }

    public RequestOptions sourceIps(List<String> values) {
        sourceIps.addAll(values);
        return this;
    }

    public RequestOptions sourceVpcEndpoints(List<String> values) {
        sourceVpcEndpoints.addAll(values);
        return this;
    }

    public RequestOptions sourceVpcs(List<String> values) {
        sourceVpcs.addAll(values);
        return this;
    }

    /**
     * {@code --separate-deny} is about packaging, not the request, but it needs a network
     * restriction; it is checked here, right after the network options, so its error keeps its place.
     */
    public RequestOptions separateDeny(boolean value) {
        separateDeny = value;
        return this;
    }

    /** {@code --with}. */
    public RequestOptions settings(List<String> values) {
        settings.addAll(values);
        return this;
    }

    /** {@code --aws-account}; null when not given. */
    public RequestOptions account(String value) {
        account = value;
        return this;
    }

    /** {@code --aws-region}; null when not given. */
    public RequestOptions region(String value) {
        region = value;
        return this;
    }

    public RequestOptions elbNames(List<String> values) {
        elbNames.addAll(values);
        return this;
    }

    /** {@code --state}; null when not given. */
    public RequestOptions state(String value) {
        state = value;
        return this;
    }

    /** {@code --account-key}; null when not given. */
    public RequestOptions accountKey(String value) {
        accountKey = value;
        return this;
    }

    public RequestOptions iamCertificatePrefixes(List<String> values) {
        iamCertificatePrefixes.addAll(values);
        return this;
    }

    public RequestOptions listenerArns(List<String> values) {
        listenerArns.addAll(values);
        return this;
    }

    public RequestOptions acmCertificateArns(List<String> values) {
        acmCertificateArns.addAll(values);
        return this;
    }

    public RequestOptions notifyTopicArns(List<String> values) {
        notifyTopicArns.addAll(values);
        return this;
    }

    public RequestOptions acmImportNew(boolean value) {
        acmImportNew = value;
        return this;
    }

    public RequestOptions deleteOld(boolean value) {
        deleteOld = value;
        return this;
    }

    /** {@code --runtime}; null for the default, user (no role). */
    public RequestOptions runtime(String value) {
        runtime = value;
        return this;
    }

    /** {@code --role-name}; null for the default. */
    public RequestOptions roleName(String value) {
        roleName = value;
        return this;
    }

    /**
     * One of the options only some runtimes take ({@code RoleRequest.RUNTIME_OPTIONS}, e.g.
     * {@code --service-account}); a null value is not given.
     */
    public RequestOptions runtimeOption(String option, String value) {
        if (value != null) {
            if (runtimeOptions == null) {
                runtimeOptions = new HashMap<>();
            }
            runtimeOptions.put(option, value);
        }
        return this;
    }

    /** {@code --dns-account}; null when not given. */
    public RequestOptions dnsAccount(String value) {
        dnsAccount = value;
        return this;
    }

    /** {@code --dns-role-name}; null for the default. */
    public RequestOptions dnsRoleName(String value) {
        dnsRoleName = value;
        return this;
    }

    /** The builder of the request these options describe; the first value that is wrong is named. */
    public GenerateRequest.Builder builder() throws UsageException {
        ClientProfile profile = Profiles.bundled().find(client);
        GenerateRequest.Builder builder = GenerateRequest.builder(profile)
                .zoneIdConfigured(zoneIdConfigured)
                .partition(Partition.parse(partition == null ? Partition.AWS.id() : partition));
        for (String zone : zones) {
            builder.zone(ZoneRef.parse(zone));
        }
        for (String domain : domains) {
            builder.domain(DomainRequest.parse(domain));
        }
        for (String alias : challengeAliases) {
            builder.alias(ChallengeAlias.parseAlias(alias));
        }
        for (String cname : challengeCnames) {
            builder.alias(ChallengeAlias.parseCname(cname));
        }
        for (String ip : sourceIps) {
            builder.sourceIp(ip);
        }
        for (String vpce : sourceVpcEndpoints) {
            builder.sourceVpcEndpoint(vpce);
        }
        for (String vpc : sourceVpcs) {
            builder.sourceVpc(vpc);
        }
        if (separateDeny && !builder.restrictsNetwork()) {
            throw new UsageException("--separate-deny", "--separate-deny needs --source-ip, --source-vpce or --source-vpc");
        }
        for (String setting : settings) {
            builder.clientSetting(setting);
        }
        bindResources(builder);
        // a plain generate never loads the identity classes (its cold start is measured)
        // with a DNS account, --external-id is the one the DNS role's trust requires (docs/cross-account.md)
        Map<String, String> roleOptions = runtimeOptions;
        String dnsExternalId = dnsAccount == null || runtimeOptions == null ? null : runtimeOptions.get("--external-id");
        if (dnsExternalId != null) {
            if (Runtimes.ROLE.equals(runtime)) {
                throw new UsageException(dnsExternalId, "--external-id \"" + dnsExternalId + "\" with --runtime role and"
                        + " --dns-account is ambiguous: it would be required by the workload role's trust or by the DNS"
                        + " role's; drop one");
            }
            roleOptions = new HashMap<>(runtimeOptions);
            roleOptions.remove("--external-id");
        }
        if (runtime != null || roleName != null || (roleOptions != null && !roleOptions.isEmpty())) {
            builder.role(RoleRequest.parse(runtime, roleName, roleOptions == null ? Map.of() : roleOptions));
        }
        if (dnsAccount != null) {
            builder.dnsAccount(DnsAccountRequest.parse(dnsAccount, dnsRoleName, dnsExternalId));
        } else if (dnsRoleName != null) {
            throw new UsageException(dnsRoleName, "--dns-role-name \"" + dnsRoleName + "\" names the role in the DNS"
                    + " account; give --dns-account");
        }
        return builder;
    }

    /** The options that scope calls beyond Route 53, in the order generate has always checked them. */
    private void bindResources(GenerateRequest.Builder builder) throws UsageException {
        if (account != null) {
            builder.account(account);
        }
        if (region != null) {
            builder.region(region);
        }
        for (String name : elbNames) {
            builder.elbName(name);
        }
        if (accountKey != null) {
            builder.accountKey(accountKey);
        }
        if (state != null) {
            builder.state(state);
        }
        for (String prefix : iamCertificatePrefixes) {
            builder.iamCertificatePrefix(prefix);
        }
        for (String arn : listenerArns) {
            builder.listenerArn(arn);
        }
        for (String arn : acmCertificateArns) {
            builder.acmCertificateArn(arn);
        }
        for (String arn : notifyTopicArns) {
            builder.notifyTopicArn(arn);
        }
        if (acmImportNew) {
            builder.clientSetting(GenerateRequest.SETTING_ACM_IMPORT_NEW);
        }
        if (deleteOld) {
            builder.clientSetting(GenerateRequest.SETTING_DELETE_OLD);
        }
    }
}
