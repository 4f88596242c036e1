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
    private static final String[] HOSTS = {"", "www.", "*.", "api.", "*.dev.", "Shop.", "münchen.", "a-b."};

    private RandomRequests() {
    }

    /** A request that may be invalid (ambiguous zones, aliases for clients that cannot follow them). */
    public static GenerateRequest request(Random random, List<ClientProfile> profiles) throws UsageException {
        ClientProfile profile = profiles.get(random.nextInt(profiles.size()));
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
        return builder.build();
    }
}
