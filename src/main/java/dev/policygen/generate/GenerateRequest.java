package dev.policygen.generate;

import dev.policygen.UsageException;
import dev.policygen.identity.DnsAccountRequest;
import dev.policygen.identity.RoleRequest;
import dev.policygen.profile.AssumeRoleSetting;
import dev.policygen.profile.ClientProfile;
import dev.policygen.route53.AwsSyntax;
import dev.policygen.route53.Partition;
import dev.policygen.route53.S3ObjectUri;
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
 * request back into them.
 */
public final class GenerateRequest {
    /** Settings a value implies: {@code --elb-name} and so on switch on the calls that use it. */
    public static final String SETTING_CLASSIC_ELB = "classic-elb";
    public static final String SETTING_IAM = "iam-server-certificate";
    public static final String SETTING_ELBV2 = "elbv2";
    public static final String SETTING_ACM = "acm";
    /** renew --notify sns:ARN: sns:Publish on exactly the topics named (--notify-topic). */
    public static final String SETTING_NOTIFY_SNS = "notify-sns";
    public static final String SETTING_ACM_IMPORT_NEW = "acm-import-new";
    public static final String SETTING_DELETE_OLD = "delete-old";
    public static final String SETTING_ACCOUNT_KEY_IN_S3 = "account-key-in-s3";
    /** renew --state-dir s3://BUCKET/PREFIX: leases, journal and ACM imports in S3 (--state). */
    public static final String SETTING_STATE_IN_S3 = "state-in-s3";
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
    private final List<String> elbNames;
    private final Optional<String> accountKeyObject;
    private final Optional<String> statePrefix;
    private final List<String> iamCertificatePrefixes;
    private final List<String> listenerArns;
    private final List<String> acmCertificateArns;
    private final List<String> notifyTopicArns;
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
        this.elbNames = List.copyOf(b.elbNames);
        this.accountKeyObject = Optional.ofNullable(b.accountKeyObject);
        this.statePrefix = Optional.ofNullable(b.statePrefix);
        this.iamCertificatePrefixes = List.copyOf(b.iamCertificatePrefixes);
        this.listenerArns = List.copyOf(b.listenerArns);
        this.acmCertificateArns = List.copyOf(b.acmCertificateArns);
        this.notifyTopicArns = List.copyOf(b.notifyTopicArns);
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

    public List<String> elbNames() {
        return elbNames;
    }

    /** {@code bucket/prefix} of renew's shared state in S3 (--state), without a trailing slash. */
    public Optional<String> statePrefix() {
        return statePrefix;
    }

    /** {@code bucket/key} of an ACME account key kept in S3. */
    public Optional<String> accountKeyObject() {
        return accountKeyObject;
    }

    /** Name prefixes of the IAM server certificates the client uploads ({@code PREFIX-<date>}). */
    public List<String> iamCertificatePrefixes() {
        return iamCertificatePrefixes;
    }

    /** ARNs of the ELBv2 listeners whose default certificate the client replaces. */
    public List<String> listenerArns() {
        return listenerArns;
    }

    /** ARNs of the ACM certificates the client re-imports. */
    public List<String> acmCertificateArns() {
        return acmCertificateArns;
    }

    /** The SNS topics renew's notifications publish to (--notify-topic). */
    public List<String> notifyTopicArns() {
        return notifyTopicArns;
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
                && account.equals(other.account) && elbNames.equals(other.elbNames)
                && accountKeyObject.equals(other.accountKeyObject) && statePrefix.equals(other.statePrefix)
                && iamCertificatePrefixes.equals(other.iamCertificatePrefixes)
                && listenerArns.equals(other.listenerArns) && acmCertificateArns.equals(other.acmCertificateArns)
                && notifyTopicArns.equals(other.notifyTopicArns)
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
        private final List<String> elbNames = new ArrayList<>();
        private String accountKeyObject;
        private String statePrefix;
        private final List<String> iamCertificatePrefixes = new ArrayList<>();
        private final List<String> listenerArns = new ArrayList<>();
        private final List<String> acmCertificateArns = new ArrayList<>();
        private final List<String> notifyTopicArns = new ArrayList<>();
        private RoleRequest role;
        private DnsAccountRequest dnsAccount;

        private Builder(ClientProfile profile) {
            this.profile = profile;
        }

        /**
         * {@code --zone}. A zone name mapped to two ids, or one id given two names, is refused naming
         * both: otherwise the first mapping would silently win. Repeating a mapping changes nothing.
         * (Ids and names are compared as text: a record's equals would bootstrap invokedynamic on
         * generate's cold path.)
         */
        public Builder zone(ZoneRef zone) throws UsageException {
            String id = zone.id().id();
            for (ZoneRef other : zones) {
                boolean sameId = other.id().id().equals(id);
                if (zone.name().isEmpty() || other.name().isEmpty()) {
                    if (sameId && zone.name().isEmpty() && other.name().isEmpty()) {
                        return this;
                    }
                    continue;
                }
                String name = zone.name().get();
                boolean sameName = other.name().get().equals(name);
                if (sameName && sameId) {
                    return this;
                }
                if (sameName) {
                    throw new UsageException(name + "=" + id, "zone name " + name + " is mapped to two zones, "
                            + other.id().id() + " and " + id + " (--zone " + name + "=" + other.id().id() + " and --zone "
                            + name + "=" + id + "); give the one that holds the challenge records");
                }
                if (sameId) {
                    throw new UsageException(name + "=" + id, "zone " + id + " is given two names, "
                            + other.name().get() + " and " + name + "; a hosted zone has one apex name");
                }
            }
            zones.add(zone);
            return this;
        }

        public Builder domain(DomainRequest domain) {
            domains.add(domain);
            return this;
        }

        /**
         * {@code --challenge-alias} or {@code --challenge-cname}. One certificate name (a wildcard and
         * its apex count as one: they share a challenge name) delegated to two different records or
         * zones is refused naming both; repeating the same delegation changes nothing.
         */
        public Builder alias(ChallengeAlias alias) throws UsageException {
            String domain = alias.domain().normalized();
            String zone = alias.zone().isPresent() ? alias.zone().get().id() : "";
            for (ChallengeAlias other : aliases) {
                if (!other.domain().normalized().equals(domain)) {
                    continue;
                }
                String otherZone = other.zone().isPresent() ? other.zone().get().id() : "";
                if (other.recordName().equals(alias.recordName()) && otherZone.equals(zone)) {
                    return this;
                }
                throw new UsageException(alias.domain().input(), "the challenge of \"" + other.domain().input()
                        + "\" is delegated twice, to " + delegation(other) + " and to " + delegation(alias)
                        + "; _acme-challenge." + domain + " is one CNAME, so give one target");
            }
            aliases.add(alias);
            return this;
        }

        private static String delegation(ChallengeAlias alias) {
            return alias.recordName() + (alias.zone().isPresent() ? " in zone " + alias.zone().get().id() : "");
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

        public Builder elbName(String value) throws UsageException {
            elbNames.add(checked(value, AwsSyntax.isClassicElbName(value),
                    "a classic load balancer name is 1 to 32 letters, digits and hyphens"));
            return this;
        }

        /**
         * {@code --account-key}: an {@code s3://BUCKET/KEY} URI scopes the client's s3:GetObject to that
         * object; a {@code file://} location needs no grant and is accepted without a check.
         */
        public Builder accountKey(String uri) throws UsageException {
            if (uri.startsWith(S3ObjectUri.SCHEME)) {
                exact(uri, "--account-key", "s3:GetObject on exactly one object",
                        "give the object's full key (IAM cannot match a literal " + "*, ? or ${ in a key)");
            }
            var object = S3ObjectUri.parse(uri);
            if (object.isPresent()) {
                accountKeyObject = object.get().objectPath();
            } else if (!uri.startsWith("file://")) {
                throw new UsageException(uri, "--account-key takes file://PATH or s3://BUCKET/KEY, not \"" + uri + "\"");
            }
            return this;
        }

        /**
         * {@code --state s3://BUCKET/PREFIX}, renew's shared state: its objects, {@code PREFIX/*}, get
         * s3:GetObject, s3:PutObject and s3:DeleteObject, nothing else in the bucket.
         */
        public Builder state(String uri) throws UsageException {
            exact(uri, "--state", "S3 access under exactly one prefix",
                    "give the prefix itself, as renew's --state-dir s3://BUCKET/PREFIX");
            String trimmed = uri;
            while (trimmed.endsWith("/")) {
                trimmed = trimmed.substring(0, trimmed.length() - 1);
            }
            var prefix = S3ObjectUri.parse(trimmed);
            if (prefix.isEmpty() || prefix.get().key().startsWith("/") || prefix.get().key().contains("//")) {
                throw new UsageException(uri, "--state takes s3://BUCKET/PREFIX (renew's --state-dir), not \""
                        + uri + "\"");
            }
            statePrefix = prefix.get().objectPath();
            return this;
        }

        public Builder iamCertificatePrefix(String value) throws UsageException {
            iamCertificatePrefixes.add(checked(value, AwsSyntax.isIamNamePrefix(value),
                    "a certificate name prefix is 1 to 100 letters, digits and _+=,.@-"));
            return this;
        }

        public Builder listenerArn(String value) throws UsageException {
            exact(value, "--listener-arn", "ModifyListener on exactly the listeners named",
                    "give each listener's full ARN (aws elbv2 describe-listeners), one --listener-arn per listener");
            listenerArns.add(checked(value, AwsSyntax.isListenerArn(value),
                    "expected arn:aws:elasticloadbalancing:REGION:ACCOUNT:listener/..."));
            return this;
        }

        public Builder acmCertificateArn(String value) throws UsageException {
            exact(value, "--acm-certificate-arn", "the re-import of exactly the certificates named",
                    "give each certificate's full ARN, or --acm-import-new for a certificate ACM has not created yet");
            acmCertificateArns.add(checked(value, AwsSyntax.isAcmCertificateArn(value),
                    "expected arn:aws:acm:REGION:ACCOUNT:certificate/..."));
            return this;
        }

        public Builder notifyTopicArn(String value) throws UsageException {
            exact(value, "--notify-topic", "sns:Publish on exactly the topics named",
                    "give each topic's full ARN, one --notify-topic per topic");
            notifyTopicArns.add(checked(value, AwsSyntax.isSnsTopicArn(value),
                    "expected arn:aws:sns:REGION:ACCOUNT:TOPIC"));
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

        /**
         * Refuses a wildcard or policy variable in a value documented as naming exact resources:
         * it would reach the ARN as a pattern and grant every resource it matches.
         */
        private static void exact(String value, String option, String grants, String how) throws UsageException {
            String pattern = AwsSyntax.iamPatternIn(value);
            if (pattern != null) {
                throw new UsageException(value, option + " \"" + value + "\" holds \"" + pattern + "\", which IAM"
                        + " reads as " + (pattern.equals("${") ? "a policy variable" : "a wildcard") + "; the option grants "
                        + grants + ": " + how);
            }
        }

        private static String checked(String value, boolean valid, String hint) throws UsageException {
            if (!valid) {
                throw new UsageException(value, "invalid value \"" + value + "\": " + hint);
            }
            return value;
        }

        /**
         * Giving the resources of a destination switches on the profile's setting for it, when the
         * profile has one, so the CLI and the renewer cannot disagree about which calls a value implies;
         * a profile without the setting is left to reject the option ({@link ResourceTemplate#checkUsed}).
         */
        public GenerateRequest build() {
            imply(!elbNames.isEmpty(), SETTING_CLASSIC_ELB);
            imply(!iamCertificatePrefixes.isEmpty(), SETTING_IAM);
            imply(!listenerArns.isEmpty(), SETTING_ELBV2);
            imply(!acmCertificateArns.isEmpty(), SETTING_ACM);
            imply(!notifyTopicArns.isEmpty(), SETTING_NOTIFY_SNS);
            imply(accountKeyObject != null, SETTING_ACCOUNT_KEY_IN_S3);
            imply(statePrefix != null, SETTING_STATE_IN_S3);
            return new GenerateRequest(this);
        }

        private void imply(boolean given, String setting) {
            if (given && profile.settings().contains(setting)) {
                clientSettings.add(setting);
            }
        }
    }
}
