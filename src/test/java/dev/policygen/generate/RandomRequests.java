package dev.policygen.generate;

import dev.policygen.UsageException;
import dev.policygen.profile.ClientProfile;
import dev.policygen.route53.Partition;
import java.util.List;
import java.util.Random;

/** Random generate requests over every profile and option, for property tests. */
public final class RandomRequests {
    private static final String[] ZONES = {"Z11111112222222333333", "Z0987654321ABCDEFGHIJ", "Z1D633PJN98FT9"};
    private static final String[] APEXES = {"example.com", "example.org", "bücher.example", "Example.NET."};
    private static final String[] REGIONS = {"eu-west-1", "us-east-1", "cn-north-1", "us-gov-west-1"};
    private static final String[] HOSTS = {"", "www.", "*.", "api.", "*.dev.", "Shop.", "münchen.", "a-b."};

    private RandomRequests() {
    }

    /** A request that may be invalid (ambiguous zones, aliases for clients that cannot follow them). */
    public static GenerateRequest request(Random random, List<ClientProfile> profiles) throws UsageException {
        return route53Part(random, profiles.get(random.nextInt(profiles.size()))).build();
    }

    /**
     * A request that also uses every option beyond Route 53 (settings, network, accounts, regions,
     * load balancers, certificates, the account key), with values the builder accepts; the
     * combination may still be one the generator refuses.
     */
    public static GenerateRequest requestWithResources(Random random, List<ClientProfile> profiles)
            throws UsageException {
        ClientProfile profile = profiles.get(random.nextInt(profiles.size()));
        GenerateRequest.Builder builder = route53Part(random, profile);
        if (random.nextInt(4) == 0) {
            builder.alias(ChallengeAlias.parseCname(HOSTS[random.nextInt(HOSTS.length)] + APEXES[1]
                    + "=acme-" + random.nextInt(9) + ".validation.example.net"));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            builder.sourceIp(random.nextBoolean() ? "203.0.113." + random.nextInt(256) : "2001:db8::/" + (32 + i));
        }
        if (random.nextInt(4) == 0) {
            builder.sourceVpcEndpoint("vpce-0a1b2c3d" + random.nextInt(10));
        }
        if (random.nextInt(4) == 0) {
            builder.sourceVpc("vpc-1a2b3c4d");
        }
        List<String> settings = List.copyOf(profile.settings());
        for (int i = random.nextInt(3); i > 0 && !settings.isEmpty(); i--) {
            builder.clientSetting(settings.get(random.nextInt(settings.size())));
        }
        if (random.nextBoolean()) {
            builder.region(REGIONS[random.nextInt(REGIONS.length)]);
        }
        if (random.nextBoolean()) {
            builder.account(random.nextBoolean() ? "111122223333" : "123456789012");
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            builder.iamCertificatePrefix(i == 1 ? "www" : "api_" + random.nextInt(99));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            builder.elbName(i == 1 ? "web-lb" : "api" + random.nextInt(99));
        }
        String partition = Partition.values()[random.nextInt(Partition.values().length)].id();
        for (int i = random.nextInt(3); i > 0; i--) {
            builder.listenerArn("arn:" + partition + ":elasticloadbalancing:eu-west-1:123456789012:listener/app/web/"
                    + random.nextInt(1000) + "/f2f7dc8efc522ab2");
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            builder.acmCertificateArn("arn:" + partition + ":acm:eu-west-1:123456789012:certificate/1234-"
                    + random.nextInt(1000));
        }
        if (random.nextInt(4) == 0) {
            builder.clientSetting(GenerateRequest.SETTING_ACM_IMPORT_NEW);
        }
        if (random.nextInt(4) == 0) {
            builder.clientSetting(GenerateRequest.SETTING_DELETE_OLD);
        }
        if (random.nextInt(3) == 0) {
            builder.accountKey(random.nextBoolean() ? "s3://acme-keys/prod/account.pem" : "file:///etc/acme/key.pem");
        }
        if (random.nextInt(3) == 0) {
            builder.state(random.nextBoolean() ? "s3://renew-state/prod" : "s3://renew-state/fleet/eu/");
        }
        return builder.build();
    }

    private static GenerateRequest.Builder route53Part(Random random, ClientProfile profile) throws UsageException {
        GenerateRequest.Builder builder = GenerateRequest.builder(profile);
        int zones = 1 + random.nextInt(2);
        for (int i = 0; i < zones; i++) {
            builder.zone(ZoneRef.parse(random.nextBoolean() ? ZONES[i] : APEXES[i] + "=" + ZONES[i]));
        }
        int domains = 1 + random.nextInt(random.nextInt(10) == 0 ? 120 : 6);
        for (int i = 0; i < domains; i++) {
            String apex = APEXES[random.nextInt(zones)];
            String host = HOSTS[random.nextInt(HOSTS.length)] + (domains > 10 ? "h" + i + "." : "");
            String mapping = random.nextInt(4) == 0 ? "=" + ZONES[random.nextInt(ZONES.length)] : "";
            builder.domain(DomainRequest.parse(host + apex + mapping));
        }
        if (random.nextInt(6) == 0) {
            builder.alias(ChallengeAlias.parseAlias(APEXES[0] + "=validation.example.net="
                    + ZONES[random.nextInt(ZONES.length)]));
        }
        builder.zoneIdConfigured(random.nextInt(3) == 0 && profile.zoneIdOption().isPresent());
        builder.partition(Partition.values()[random.nextInt(Partition.values().length)]);
        if (random.nextBoolean()) {
            builder.network(new NetworkRestriction(List.of("192.0.2.0/24"),
                    random.nextBoolean() ? List.of("vpce-1a2b3c4d") : List.of(), List.of()));
        }
        return builder;
    }
}
