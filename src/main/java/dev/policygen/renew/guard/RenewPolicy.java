package dev.policygen.renew.guard;

import dev.policygen.UsageException;
import dev.policygen.generate.DomainRequest;
import dev.policygen.generate.GenerateCommandLine;
import dev.policygen.generate.GenerateRequest;
import dev.policygen.generate.GeneratedPolicy;
import dev.policygen.generate.PolicyGenerator;
import dev.policygen.generate.PolicyPackager;
import dev.policygen.generate.SizeLimit;
import dev.policygen.generate.ZoneRef;
import dev.policygen.model.PolicyDocument;
import dev.policygen.model.PolicyWriter;
import dev.policygen.model.Statement;
import dev.policygen.profile.ClientProfile;
import dev.policygen.profile.Profiles;
import dev.policygen.renew.config.CertificateConfig;
import dev.policygen.renew.config.ConfiguredDomain;
import dev.policygen.renew.config.RenewConfig;
import dev.policygen.route53.CertificateName;
import dev.policygen.route53.HostedZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The policy {@code policygen generate --client policygen} makes for a renew config, and the
 * command line that makes it. Zones the config does not give are passed in as discovered
 * ({@code NAME=ZONEID}); with every zone configured, zone discovery is left out of the policy. The
 * config's destinations and an account key in S3 add their calls ({@link RenewResources}), and a zone
 * given by id alone adds GetHostedZone on the zones ({@code --with zone-id-list}), so the
 * guard's policy and the printed line agree call for call (RenewPolicyTest runs the line to check).
 */
public final class RenewPolicy {
    public static final String CLIENT = "policygen";
    /** The profile setting that grants GetHostedZone on the zones, for configs that give a zone by id alone. */
    public static final String ZONE_ID_LIST = "zone-id-list";

    private final boolean zoneIdConfigured;
    private final List<ZoneRef> discoveredZones;
    /** Each certificate name once, by its input text, with the zone the config gives it. */
    private final Map<String, DomainRequest> domains;
    private final RenewResources resources;
    /** True when a certificate's zone is given by id alone: renew reads that zone's name (GetHostedZone). */
    private final boolean readsZoneNames;
    /** Built once, so a value generate refuses fails here, before the guard or the printed line use it. */
    private final GenerateRequest request;

    private RenewPolicy(boolean zoneIdConfigured, List<ZoneRef> discoveredZones, Map<String, DomainRequest> domains,
            RenewResources resources, boolean readsZoneNames) throws UsageException {
        this.zoneIdConfigured = zoneIdConfigured;
        this.discoveredZones = List.copyOf(discoveredZones);
        this.domains = domains;
        this.resources = resources;
        this.readsZoneNames = readsZoneNames;
        this.request = request(zoneIdConfigured, this.discoveredZones, domains, resources, readsZoneNames);
    }

    /** The policy of a renew run whose region and account are unknown ({@code *} in ARNs), without --delete-old. */
    public static RenewPolicy of(RenewConfig config, List<ZoneRef> discoveredZones) throws UsageException {
        return of(config, discoveredZones, Optional.empty(), Optional.empty(), false);
    }

    /**
     * The whole policy of a renew run: Route 53 plus the calls of the config's destinations and of an
     * account key in S3. {@code region} and {@code account} are the run's, where known; an unknown one
     * is {@code *} in the ARNs. {@code deleteOld} is renew's --delete-old.
     *
     * @throws UsageException when a value is one generate refuses (such as a malformed region), so
     *     renew never runs under a policy whose printed line the CLI would reject
     */
    public static RenewPolicy of(RenewConfig config, List<ZoneRef> discoveredZones, Optional<String> region,
            Optional<String> account, boolean deleteOld) throws UsageException {
        return of(config, discoveredZones, region, account, deleteOld, List.of());
    }

    /**
     * The same, with sns:Publish (generate's --notify-topic) on the topics of renew --notify sns:ARN,
     * {@code notifyTopics}, and on the SNS topics of the config's {@code notify}.
     */
    public static RenewPolicy of(RenewConfig config, List<ZoneRef> discoveredZones, Optional<String> region,
            Optional<String> account, boolean deleteOld, List<String> notifyTopics) throws UsageException {
        List<String> topics = config.notifications().topicArns().stream().distinct().collect(Collectors.toList());
        notifyTopics.stream().filter(topic -> !topics.contains(topic)).forEach(topics::add);
        Map<String, DomainRequest> domains = new LinkedHashMap<>();
        boolean readsZoneNames = false;
        for (CertificateConfig certificate : config.certificates()) {
            for (ConfiguredDomain domain : certificate.domains()) {
                domains.putIfAbsent(domain.name().input(), new DomainRequest(domain.name(), domain.zone()));
                readsZoneNames |= domain.byIdAlone().isPresent();
            }
        }
        return new RenewPolicy(config.zonesConfigured(), discoveredZones, domains,
                RenewResources.of(config, region, account, deleteOld, topics), readsZoneNames);
    }

    /** This policy widened by one more certificate name in a known zone; for the guard's suggestion. */
    RenewPolicy withDomain(CertificateName name, HostedZoneId zone) throws UsageException {
        Map<String, DomainRequest> wider = new LinkedHashMap<>(domains);
        wider.putIfAbsent(name.input(), new DomainRequest(name, Optional.of(zone)));
        return new RenewPolicy(zoneIdConfigured, discoveredZones, wider, resources, readsZoneNames);
    }

    /** The same names, with zone discovery granted. */
    RenewPolicy discoveringZones() throws UsageException {
        return new RenewPolicy(false, discoveredZones, domains, resources, readsZoneNames);
    }

    public GenerateRequest request() {
        return request;
    }

    private static GenerateRequest request(boolean zoneIdConfigured, List<ZoneRef> discoveredZones,
            Map<String, DomainRequest> domains, RenewResources resources, boolean readsZoneNames)
            throws UsageException {
        ClientProfile profile = Profiles.bundled().find(CLIENT);
        GenerateRequest.Builder builder = GenerateRequest.builder(profile).zoneIdConfigured(zoneIdConfigured);
        if (readsZoneNames) {
            builder.clientSetting(ZONE_ID_LIST);
        }
        for (ZoneRef zone : discoveredZones) {
            builder.zone(zone);
        }
        for (DomainRequest domain : domains.values()) {
            builder.domain(domain);
        }
        resources.apply(builder);
        return builder.build();
    }

    /**
     * The whole generated policy as one document, network deny included, as the evaluator takes it. A zone
     * whose record-change statement is over a managed policy's size has it in name groups, as
     * {@code generate --split} writes it (a grant of exactly the same names); renew reads the groups from
     * the guard's statements and never mixes two in one batch ({@link PolicyGuard#changeGroup}).
     */
    public PolicyDocument document() throws UsageException {
        GeneratedPolicy policy = PolicyGenerator.generate(request());
        List<Statement> statements = new ArrayList<>(PolicyPackager.withNameGroups(policy, SizeLimit.MANAGED));
        policy.deny().ifPresent(statements::add);
        return PolicyDocument.of(statements);
    }

    /**
     * The generate command line for this policy (the request's own arguments), quoted for a POSIX shell,
     * with {@code --split} when the policy is over a managed policy's size as one document: its documents
     * then hold the name groups {@link #document()} holds.
     */
    public String commandLine() {
        String line = GenerateCommandLine.of(request);
        try {
            GeneratedPolicy policy = PolicyGenerator.generate(request);
            List<Statement> whole = new ArrayList<>(policy.allow());
            policy.deny().ifPresent(whole::add);
            return PolicyWriter.size(PolicyDocument.of(whole)) > SizeLimit.MANAGED.characters() ? line + " --split" : line;
        } catch (UsageException e) {
            // the request was built, so generate takes it; no size to judge is no reason to refuse a line
            return line;
        }
    }
}
