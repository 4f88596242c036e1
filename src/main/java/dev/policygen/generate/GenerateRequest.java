package dev.policygen.generate;

import dev.policygen.UsageException;
import dev.policygen.identity.DnsAccountRequest;
import dev.policygen.identity.RoleRequest;
import dev.policygen.profile.AssumeRoleSetting;
import dev.policygen.profile.ClientProfile;
import dev.policygen.route53.AwsSyntax;
import dev.policygen.route53.Partition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything the generator needs. Its builder checks every value given as text, so the CLI, lint,
 * validate and the renewer cannot build a request that another of them would refuse;
 * {@link RequestOptions} turns generate's options into a builder and {@link #toArguments} turns a
 * request back into them. The resources outside Route 53 it names are an {@link ExtraCallResources};
 * {@link ZoneRef} and {@link ChallengeAlias} refuse a zone or a delegation given two ways.
 */
public final class GenerateRequest {
    /** Settings with an option of their own (the others a value implies: {@link ExtraCallResources}). */
    public static final String SETTING_ACM_IMPORT_NEW = "acm-import-new";
    public static final String SETTING_DELETE_OLD = "delete-old";
    private final ClientProfile profile;
    private final List<ZoneRef> zones;
    private final List<DomainRequest> domains;
    private final List<ChallengeAlias> aliases;
    private final boolean zoneIdConfigured;
    private final NetworkRestriction network;
    private final Partition partition;
    private final Set<String> clientSettings;
    private final Optional<String> region;
    private final Optional<String> account;
    private final ExtraCallResources resources;
    /** The role that runs the client ({@code --runtime}); null for {@code user}, today's output. */
    private final RoleRequest role;
    /** The account the zones are in when it is not the role's ({@code --dns-account}); null otherwise. */
    private final DnsAccountRequest dnsAccount;

    private GenerateRequest(Builder b) {
        this.profile = Objects.requireNonNull(b.profile, "profile");
        this.zones = List.copyOf(b.zones);
        this.domains = List.copyOf(b.domains);
        this.aliases = List.copyOf(b.aliases);
        this.zoneIdConfigured = b.zoneIdConfigured;
        this.network = new NetworkRestriction(b.cidrs, b.vpcEndpoints, b.vpcs);
        this.partition = b.partition;
        this.clientSettings = Set.copyOf(b.clientSettings);
        this.region = Optional.ofNullable(b.region);
        this.account = Optional.ofNullable(b.account);
        this.resources = b.resources;
        this.role = b.role;
        this.dnsAccount = b.dnsAccount;
    }

    public static Builder builder(ClientProfile profile) {
        return new Builder(profile);
    }

    public ClientProfile profile() {
        return profile;
    }

    public List<ZoneRef> zones() {
        return zones;
    }

    public List<DomainRequest> domains() {
        return domains;
    }

    public List<ChallengeAlias> aliases() {
        return aliases;
    }

    public boolean zoneIdConfigured() {
        return zoneIdConfigured;
    }

    public NetworkRestriction network() {
        return network;
    }

    public Partition partition() {
        return partition;
    }

    /** Client settings that switch on optional calls (a profile call's {@code when}). */
    public Set<String> clientSettings() {
        return clientSettings;
    }

    public Optional<String> region() {
        return region;
    }

    public Optional<String> account() {
        return account;
    }

    /** The resources outside Route 53 its calls beyond Route 53 are scoped to (load balancers, ARNs, S3). */
    public ExtraCallResources resources() {
        return resources;
    }

    /** The role that runs the client ({@code --runtime} and its options); empty for {@code user}. */
    public Optional<RoleRequest> role() {
        return Optional.ofNullable(role);
    }

    /** The DNS account that holds the zones, and the role there ({@code --dns-account}); empty when none. */
    public Optional<DnsAccountRequest> dnsAccount() {
        return Optional.ofNullable(dnsAccount);
    }

    /**
     * The generate options that rebuild this request (an equal one): {@code --client} first, then
     * the zones, names and Route 53 options, then those beyond Route 53 in the order the renewer
     * prints them. Values are unquoted, one argument each.
     */
    public List<String> toArguments() {
        return RequestArguments.of(this);
    }

    /** Equal requests generate the same policy; the round trip through {@link #toArguments} is held to it. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof GenerateRequest other)) {
            return false;
        }
        return profile.equals(other.profile) && zones.equals(other.zones) && domains.equals(other.domains)
                && aliases.equals(other.aliases) && zoneIdConfigured == other.zoneIdConfigured
                && network.equals(other.network) && partition == other.partition
                && clientSettings.equals(other.clientSettings) && region.equals(other.region)
                && account.equals(other.account) && resources.equals(other.resources)
                && Objects.equals(role, other.role) && Objects.equals(dnsAccount, other.dnsAccount);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profile.client(), zones, domains, aliases, network, partition, clientSettings);
    }

    @Override
    public String toString() {
        return "generate " + String.join(" ", toArguments());
    }

    public static final class Builder {
        private final ClientProfile profile;
        private final List<ZoneRef> zones = new ArrayList<>();
        private final List<DomainRequest> domains = new ArrayList<>();
        private final List<ChallengeAlias> aliases = new ArrayList<>();
        private boolean zoneIdConfigured;
        private final List<String> cidrs = new ArrayList<>();
        private final List<String> vpcEndpoints = new ArrayList<>();
        private final List<String> vpcs = new ArrayList<>();
        private Partition partition = Partition.AWS;
        private final Set<String> clientSettings = new TreeSet<>();
        private String region;
        private String account;
        private final ExtraCallResources.Builder extraCalls = new ExtraCallResources.Builder();
        private ExtraCallResources resources;
        private RoleRequest role;
        private DnsAccountRequest dnsAccount;

        private Builder(ClientProfile profile) {
            this.profile = profile;
        }

        /**
         * {@code --zone}; a mapping given again changes nothing, a conflicting one is refused
         * ({@link ZoneRef#isIn}).
         */
        public Builder zone(ZoneRef zone) throws UsageException {
            if (!zone.isIn(zones)) {
                zones.add(zone);
            }
            return this;
        }

        public Builder domain(DomainRequest domain) {
            domains.add(domain);
            return this;
        }

        /**
         * {@code --challenge-alias} or {@code --challenge-cname}; the same delegation given again changes
         * nothing, a second target for one challenge is refused ({@link ChallengeAlias#isIn}).
         */
        public Builder alias(ChallengeAlias alias) throws UsageException {
            if (!alias.isIn(aliases)) {
                aliases.add(alias);
            }
            return this;
        }

        public Builder zoneIdConfigured(boolean value) {
            zoneIdConfigured = value;
            return this;
        }

        /** Replaces the network restriction with one already built (its values are taken as checked). */
        public Builder network(NetworkRestriction value) {
            cidrs.clear();
            cidrs.addAll(value.cidrs());
            vpcEndpoints.clear();
            vpcEndpoints.addAll(value.vpcEndpoints());
            vpcs.clear();
            vpcs.addAll(value.vpcs());
            return this;
        }

        /** {@code --source-ip}: an IPv4 or IPv6 address or CIDR block the requests may come from. */
        public Builder sourceIp(String value) throws UsageException {
            cidrs.add(NetworkRestriction.checkCidr(value));
            NetworkRestriction.checkRestricts(cidrs);
            return this;
        }

        /** {@code --source-vpce}: a VPC endpoint the requests may come through. */
        public Builder sourceVpcEndpoint(String value) throws UsageException {
            vpcEndpoints.add(NetworkRestriction.checkVpcEndpoint(value));
            return this;
        }

        /** {@code --source-vpc}: a VPC the requests may come from. */
        public Builder sourceVpc(String value) throws UsageException {
            vpcs.add(NetworkRestriction.checkVpc(value));
            return this;
        }

        /** True once any {@code --source-*} value is given; {@code --separate-deny} needs one. */
        public boolean restrictsNetwork() {
            return !cidrs.isEmpty() || !vpcEndpoints.isEmpty() || !vpcs.isEmpty();
        }

        public Builder partition(Partition value) {
            partition = value;
            return this;
        }

        public Builder clientSetting(String value) {
            clientSettings.add(value);
            return this;
        }

        public Builder region(String value) throws UsageException {
            region = checked(value, AwsSyntax.isRegion(value), "expected a region such as us-east-1");
            return this;
        }

        public Builder account(String value) throws UsageException {
            account = checked(value, AwsSyntax.isAccountId(value), "an account id is 12 digits");
            return this;
        }

        /** {@code --elb-name}; this and the options below are checked by {@link ExtraCallResources.Builder}. */
        public Builder elbName(String value) throws UsageException {
            extraCalls.elbName(value);
            return this;
        }

        /** {@code --account-key}: {@code s3://BUCKET/KEY} or {@code file://PATH}. */
        public Builder accountKey(String uri) throws UsageException {
            extraCalls.accountKey(uri);
            return this;
        }

        /** {@code --state s3://BUCKET/PREFIX}, renew's shared state. */
        public Builder state(String uri) throws UsageException {
            extraCalls.state(uri);
            return this;
        }

        public Builder iamCertificatePrefix(String value) throws UsageException {
            extraCalls.iamCertificatePrefix(value);
            return this;
        }

        public Builder listenerArn(String value) throws UsageException {
            extraCalls.listenerArn(value);
            return this;
        }

        public Builder acmCertificateArn(String value) throws UsageException {
            extraCalls.acmCertificateArn(value);
            return this;
        }

        public Builder notifyTopicArn(String value) throws UsageException {
            extraCalls.notifyTopicArn(value);
            return this;
        }

        /**
         * {@code --runtime} and its options, checked by {@link RoleRequest#parse}; held here to the
         * request's partition and account, so give those first. {@code user} leaves the request without a role.
         */
        public Builder role(RoleRequest value) throws UsageException {
            value.checkAgainst(partition.id(), Optional.ofNullable(account));
            role = value.hasRole() ? value : null;
            return this;
        }

        /**
         * {@code --dns-account} and its options, held to the client (one that cannot assume a role, or cannot send
         * the external id asked for, is refused naming it: {@link AssumeRoleSetting#line}) and to the role
         * ({@link DnsAccountRequest#checkAgainst}, so give the role and the account first).
         */
        public Builder dnsAccount(DnsAccountRequest value) throws UsageException {
            // the client first: no other option can make a client that cannot assume a role reach the zones
            AssumeRoleSetting.line(profile, value.roleArn(partition.id(), profile.client()), value.externalId());
            value.checkAgainst(role, Optional.ofNullable(account));
            dnsAccount = value;
            return this;
        }

        /** With the settings the resources outside Route 53 imply ({@link ExtraCallResources#implied}). */
        public GenerateRequest build() {
            resources = extraCalls.build();
            resources.implied(profile.settings(), clientSettings);
            return new GenerateRequest(this);
        }
    }

    /** A value given as text, or a UsageException naming it with {@code hint}: the one wording of a bad value. */
    static String checked(String value, boolean valid, String hint) throws UsageException {
        if (!valid) {
            throw new UsageException(value, "invalid value \"" + value + "\": " + hint);
        }
        return value;
    }
}
