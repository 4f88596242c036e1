package dev.policygen.renew.config;

import dev.policygen.renew.cloud.ZoneRole;
import dev.policygen.route53.CertificateName;
import dev.policygen.route53.HostedZoneId;
import java.util.Optional;

/**
 * A name on a certificate and, when the config says, the hosted zone its challenge record goes in.
 * {@code byIdAlone} is where the config gives that zone by id only ({@code zones: [ZONEID]}): nothing
 * in the config then says the name lies in the zone, so renew reads the zone's name before ordering.
 * {@code role} is the zone's {@code roleArn} (a zone in another account): its Route 53 calls use that role.
 */
public record ConfiguredDomain(CertificateName name, Optional<HostedZoneId> zone, Optional<ZoneGivenById> byIdAlone,
        Optional<ZoneRole> role) {
    public ConfiguredDomain(CertificateName name, Optional<HostedZoneId> zone) {
        this(name, zone, Optional.empty(), Optional.empty());
    }

    public ConfiguredDomain(CertificateName name, Optional<HostedZoneId> zone, Optional<ZoneGivenById> byIdAlone) {
        this(name, zone, byIdAlone, Optional.empty());
    }
}
