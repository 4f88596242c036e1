package dev.policygen.cli;

import dev.policygen.UsageException;
import dev.policygen.generate.RequestOptions;
import dev.policygen.lint.diff.ProfileDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * lint's options that name a client and its domains, spelt as for generate, so that a policy can be
 * compared with what generate would write: PG501 (under-grant) and PG502 (over-grant).
 */
final class ProfileDiffOptions {
    @Option(names = "--client", paramLabel = "CLIENT",
            description = "Compare each policy with what this ACME client needs (rules PG501, PG502).")
    String client;

    @Option(names = "--zone", paramLabel = "ZONEID|NAME=ZONEID", description = "With --client: a hosted zone. Repeatable.")
    List<String> zones = new ArrayList<>();

    @Option(names = "--domain", paramLabel = "NAME[=ZONEID]",
            description = "With --client: a name on the certificate. Repeatable.")
    List<String> domains = new ArrayList<>();

    @Option(names = "--zone-id-configured", description = "With --client: the client is given the zone id.")
    boolean zoneIdConfigured;

    @Option(names = "--challenge-alias", paramLabel = "DOMAIN=ALIAS[=ZONEID]",
            description = "With --client: _acme-challenge.DOMAIN is a CNAME to _acme-challenge.ALIAS. Repeatable.")
    List<String> challengeAliases = new ArrayList<>();

    @Option(names = "--challenge-cname", paramLabel = "DOMAIN=RECORD[=ZONEID]",
            description = "With --client: _acme-challenge.DOMAIN is a CNAME to RECORD. Repeatable.")
    List<String> challengeCnames = new ArrayList<>();

    @Option(names = "--partition", paramLabel = "PARTITION",
            description = "With --client: aws, aws-cn or aws-us-gov. Default: aws.")
    String partition;

    @Option(names = "--with", paramLabel = "SETTING",
            description = "With --client: a client setting that adds calls. Repeatable.")
    List<String> settings = new ArrayList<>();

    @Mixin
    ResourceOptions resources = new ResourceOptions();

    /** Empty without --client; the options that only make sense with it are refused alone. */
    Optional<ProfileDiff> diff() throws UsageException {
        if (client == null) {
            String orphan = !zones.isEmpty() ? "--zone" : !domains.isEmpty() ? "--domain"
                    : zoneIdConfigured ? "--zone-id-configured" : !challengeAliases.isEmpty() ? "--challenge-alias"
                    : !challengeCnames.isEmpty() ? "--challenge-cname" : partition != null ? "--partition"
                    : !settings.isEmpty() ? "--with" : resources.anyGiven();
            if (orphan != null) {
                throw new UsageException(orphan, orphan + " describes the client to compare with; give --client too");
            }
            return Optional.empty();
        }
        RequestOptions options = new RequestOptions(client)
                .partition(partition)
                .zoneIdConfigured(zoneIdConfigured)
                .zones(zones)
                .domains(domains)
                .challengeAliases(challengeAliases)
                .challengeCnames(challengeCnames)
                .settings(settings);
        resources.copyTo(options);
        return Optional.of(ProfileDiff.of(options.builder().build(), client));
    }
}
