package dev.policygen.renew.guard;

import dev.policygen.UsageException;
import dev.policygen.generate.DnsAccountSplit;
import dev.policygen.generate.GenerateCommandLine;
import dev.policygen.generate.GeneratedPolicy;
import dev.policygen.generate.PolicyGenerator;
import dev.policygen.generate.PolicyPackager;
import dev.policygen.generate.SizeLimit;
import dev.policygen.generate.ZoneRef;
import dev.policygen.identity.DnsAccountRequest;
import dev.policygen.model.PolicyDocument;
import dev.policygen.model.Statement;
import dev.policygen.renew.cloud.ZoneRole;
import dev.policygen.renew.config.CertificateConfig;
import dev.policygen.renew.config.ConfiguredDomain;
import dev.policygen.renew.config.RenewConfig;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.Route53Names;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The two identities of a renew run whose config reaches zones in other accounts ({@code roleArn} on a zone),
 * derived the way {@code generate --dns-account} divides a policy ({@link DnsAccountSplit}): each role's policy
 * is the Route 53 statements generate writes for that role's zones (the {@code -dns-role.json} file of the
 * role's generate line), and the workload's is {@code sts:AssumeRole} on exactly each role ARN, every statement
 * of the whole config's policy that is not Route 53 (destinations, account key, notifications), and the Route 53
 * statements of the zones without a role. The printed lines carry the runtime renew was given
 * ({@link WorkloadRuntime}), else {@value #RUNTIME}: renew cannot know where it runs, and the runtime changes only
 * the workload role's trust, not what the guard checks.
 */
public final class ZoneRolePolicies {
    /** The placeholder for {@code --runtime KIND} and its options in the printed generate lines. */
    public static final String RUNTIME = WorkloadRuntime.PLACEHOLDER;

    private final RenewPolicy whole;
    private final Optional<RenewPolicy> ownZones;
    private final Map<ZoneRole, RenewPolicy> byRole;
    private final Map<HostedZoneId, ZoneRole> roleOfZone;
    private final WorkloadRuntime runtime;

    private ZoneRolePolicies(RenewPolicy whole, Optional<RenewPolicy> ownZones, Map<ZoneRole, RenewPolicy> byRole,
            Map<HostedZoneId, ZoneRole> roleOfZone, WorkloadRuntime runtime) {
        this.whole = whole;
        this.ownZones = ownZones;
        this.byRole = byRole;
        this.roleOfZone = roleOfZone;
        this.runtime = runtime;
    }

    /** The same policies, their printed lines naming {@code where} renew runs (renew --runtime). */
    public ZoneRolePolicies runningOn(WorkloadRuntime where) {
        return new ZoneRolePolicies(whole, ownZones, byRole, roleOfZone, where);
    }

    /**
     * @param whole the policy of the whole config, as {@link RenewPolicy#of} makes it
     * @param config the config it was made for (zones discovered filled in)
     */
    public static ZoneRolePolicies of(RenewPolicy whole, RenewConfig config, List<ZoneRef> discoveredZones,
            Optional<String> region, Optional<String> account, boolean deleteOld, List<String> notifyTopics)
            throws UsageException {
        Map<HostedZoneId, ZoneRole> roleOfZone = new LinkedHashMap<>();
        Set<ZoneRole> roles = new LinkedHashSet<>();
        for (CertificateConfig certificate : config.certificates()) {
            for (ConfiguredDomain domain : certificate.domains()) {
                if (domain.role().isPresent()) {
                    roleOfZone.put(domain.zone().orElseThrow(), domain.role().get());
                    roles.add(domain.role().get());
                }
            }
        }
        Map<ZoneRole, RenewPolicy> byRole = new LinkedHashMap<>();
        for (ZoneRole role : roles) {
            RenewConfig only = only(config, d -> d.role().equals(Optional.of(role)));
            byRole.put(role, RenewPolicy.of(only, List.of(), region, account, deleteOld, List.of()));
        }
        RenewConfig own = only(config, d -> d.role().isEmpty());
        Optional<RenewPolicy> ownZones = own.certificates().isEmpty() ? Optional.empty()
                : Optional.of(RenewPolicy.of(own, discoveredZones, region, account, deleteOld, notifyTopics));
        return new ZoneRolePolicies(whole, ownZones, byRole, roleOfZone, WorkloadRuntime.UNKNOWN);
    }

    /** True when some zone is reached through a role. */
    public boolean any() {
        return !byRole.isEmpty();
    }

    /** The zones reached through a role, with their role. */
    public Map<HostedZoneId, ZoneRole> roleOfZone() {
        return Map.copyOf(roleOfZone);
    }

    public Set<ZoneRole> roles() {
        return byRole.keySet();
    }

    /** The certificates' domains that {@code keep} takes; certificates left without a domain are dropped. */
    private static RenewConfig only(RenewConfig config, Predicate<ConfiguredDomain> keep) {
        List<CertificateConfig> kept = new ArrayList<>();
        for (CertificateConfig certificate : config.certificates()) {
            List<ConfiguredDomain> domains = certificate.domains().stream().filter(keep).toList();
            if (!domains.isEmpty()) {
                kept.add(new CertificateConfig(certificate.name(), domains, certificate.keyType(),
                        certificate.renewBeforeDays(), certificate.destinations()));
            }
        }
        return config.withCertificates(kept);
    }

    /** The role's policy: the Route 53 statements generate writes to the DNS role for the role's zones. */
    public PolicyDocument roleDocument(ZoneRole role) throws UsageException {
        DnsAccountSplit split = DnsAccountSplit.of(PolicyGenerator.generate(byRole.get(role).request()),
                role.roleArn());
        // a zone past one statement's names holds them in groups, as generate --split writes the role's policy
        return document(PolicyPackager.withNameGroups(split.dnsAccount(), SizeLimit.MANAGED), split.dnsAccount().deny());
    }

    /** The policy the role's zones are guarded with, for the suggestion on a denial. */
    public RenewPolicy rolePolicy(ZoneRole role) {
        return byRole.get(role);
    }

    /**
     * The workload's policy: {@code sts:AssumeRole} on each role (Sid {@value DnsAccountSplit#ASSUME_SID}, numbered
     * after the first), the whole policy's statements that are not Route 53, and the Route 53 statements of the
     * zones without a role.
     */
    public PolicyDocument workloadDocument() throws UsageException {
        GeneratedPolicy generated = PolicyGenerator.generate(whole.request());
        List<Statement> statements = new ArrayList<>();
        List<Statement> others = List.of();
        int index = 0;
        for (ZoneRole role : byRole.keySet()) {
            List<Statement> workload = DnsAccountSplit.of(generated, role.roleArn()).workload().allow();
            Statement assume = workload.get(0);
            statements.add(index == 0 ? assume : assume.withSid(DnsAccountSplit.ASSUME_SID + (index + 1)));
            others = workload.subList(1, workload.size());
            index++;
        }
        statements.addAll(others);
        if (ownZones.isPresent()) {
            for (Statement statement : PolicyPackager.withNameGroups(PolicyGenerator.generate(ownZones.get().request()),
                    SizeLimit.MANAGED)) {
                if (statement.actions().texts().stream().allMatch(Route53Names::isRoute53Action)) {
                    statements.add(statement);
                }
            }
        }
        return document(statements, generated.deny());
    }

    private static PolicyDocument document(List<Statement> allow, Optional<Statement> deny) {
        List<Statement> statements = new ArrayList<>(allow);
        deny.ifPresent(statements::add);
        return PolicyDocument.of(statements);
    }

    /**
     * The generate line of the role that runs renew. With every zone behind one role it is the whole config's
     * line with {@code --runtime RUNTIME --dns-account ... --dns-role-name ...} (the runtime as renew was given it):
     * its FILE.json is exactly
     * {@link #workloadDocument}. With zones of its own or several roles, generate cannot write it in one line:
     * the line of its own zones, followed by the grants to add.
     */
    public String workloadLine() throws UsageException {
        if (ownZones.isEmpty() && byRole.size() == 1) {
            ZoneRole role = byRole.keySet().iterator().next();
            return GenerateCommandLine.of(withDnsAccount(whole, role));
        }
        StringBuilder line = new StringBuilder(ownZones.isPresent() ? ownZones.get().commandLine()
                : "(no zone of its own)");
        line.append(" plus sts:AssumeRole on ");
        line.append(String.join(", ", byRole.keySet().stream().map(ZoneRole::roleArn).toList()));
        return line.toString();
    }

    /**
     * The generate line whose {@code FILE-dns-role.json} is {@code role}'s policy: the role's zones and names,
     * with {@code --runtime RUNTIME --dns-account ACCOUNT --dns-role-name NAME [--external-id X]}.
     */
    public String roleLine(ZoneRole role) throws UsageException {
        return roleLine(byRole.get(role), role);
    }

    /** The same for {@code policy} (the role's, or one the guard widened to allow a denied call). */
    public String roleLine(RenewPolicy policy, ZoneRole role) throws UsageException {
        return GenerateCommandLine.of(withDnsAccount(policy, role));
    }

    private List<String> withDnsAccount(RenewPolicy policy, ZoneRole role) throws UsageException {
        List<String> arguments = new ArrayList<>(policy.request().toArguments());
        arguments.addAll(runtime.arguments(arguments));
        arguments.addAll(DnsAccountRequest.parse(role.account(), role.roleName(), role.externalId().orElse(null))
                .toArguments());
        return arguments;
    }
}
