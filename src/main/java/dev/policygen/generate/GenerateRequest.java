package dev.policygen.generate;

import dev.policygen.profile.ClientProfile;
import dev.policygen.route53.Partition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Everything the generator needs; built by the CLI or by tests. */
public final class GenerateRequest {
    /** Settings a value implies: {@code --elb-name} and so on switch on the calls that use it. */
    public static final String SETTING_CLASSIC_ELB = "classic-elb";
    public static final String SETTING_IAM = "iam-server-certificate";
    public static final String SETTING_ELBV2 = "elbv2";
    public static final String SETTING_ACM = "acm";
    public static final String SETTING_ACM_IMPORT_NEW = "acm-import-new";
    public static final String SETTING_DELETE_OLD = "delete-old";
    public static final String SETTING_ACCOUNT_KEY_IN_S3 = "account-key-in-s3";
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
    private final List<String> iamCertificatePrefixes;
    private final List<String> listenerArns;
    private final List<String> acmCertificateArns;

    private GenerateRequest(Builder b) {
        this.profile = Objects.requireNonNull(b.profile, "profile");
        this.zones = List.copyOf(b.zones);
        this.domains = List.copyOf(b.domains);
        this.aliases = List.copyOf(b.aliases);
        this.zoneIdConfigured = b.zoneIdConfigured;
        this.network = b.network;
        this.partition = b.partition;
        this.clientSettings = Set.copyOf(b.clientSettings);
        this.region = Optional.ofNullable(b.region);
        this.account = Optional.ofNullable(b.account);
        this.elbNames = List.copyOf(b.elbNames);
        this.accountKeyObject = Optional.ofNullable(b.accountKeyObject);
        this.iamCertificatePrefixes = List.copyOf(b.iamCertificatePrefixes);
        this.listenerArns = List.copyOf(b.listenerArns);
        this.acmCertificateArns = List.copyOf(b.acmCertificateArns);
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

    public static final class Builder {
        private final ClientProfile profile;
        private final List<ZoneRef> zones = new ArrayList<>();
        private final List<DomainRequest> domains = new ArrayList<>();
        private final List<ChallengeAlias> aliases = new ArrayList<>();
        private boolean zoneIdConfigured;
        private NetworkRestriction network = NetworkRestriction.NONE;
        private Partition partition = Partition.AWS;
        private final Set<String> clientSettings = new TreeSet<>();
        private String region;
        private String account;
        private final List<String> elbNames = new ArrayList<>();
        private String accountKeyObject;
        private final List<String> iamCertificatePrefixes = new ArrayList<>();
        private final List<String> listenerArns = new ArrayList<>();
        private final List<String> acmCertificateArns = new ArrayList<>();

        private Builder(ClientProfile profile) {
            this.profile = profile;
        }

        public Builder zone(ZoneRef zone) {
            zones.add(zone);
            return this;
        }

        public Builder domain(DomainRequest domain) {
            domains.add(domain);
            return this;
        }

        public Builder alias(ChallengeAlias alias) {
            aliases.add(alias);
            return this;
        }

        public Builder zoneIdConfigured(boolean value) {
            zoneIdConfigured = value;
            return this;
        }

        public Builder network(NetworkRestriction value) {
            network = value;
            return this;
        }

        public Builder partition(Partition value) {
            partition = value;
            return this;
        }

        public Builder clientSetting(String value) {
            clientSettings.add(value);
            return this;
        }

        public Builder region(String value) {
            region = value;
            return this;
        }

        public Builder account(String value) {
            account = value;
            return this;
        }

        public Builder elbName(String value) {
            elbNames.add(value);
            return this;
        }

        public Builder accountKeyObject(String value) {
            accountKeyObject = value;
            return this;
        }

        public Builder iamCertificatePrefix(String value) {
            iamCertificatePrefixes.add(value);
            return this;
        }

        public Builder listenerArn(String value) {
            listenerArns.add(value);
            return this;
        }

        public Builder acmCertificateArn(String value) {
            acmCertificateArns.add(value);
            return this;
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
            imply(accountKeyObject != null, SETTING_ACCOUNT_KEY_IN_S3);
            return new GenerateRequest(this);
        }

        private void imply(boolean given, String setting) {
            if (given && profile.settings().contains(setting)) {
                clientSettings.add(setting);
            }
        }
    }
}
