package dev.policygen.renew.config;

import dev.policygen.generate.HostedZoneId;
import dev.policygen.name.CertificateName;
import java.util.Optional;

/** A name on a certificate and, when the config says, the hosted zone its challenge record goes in. */
public record ConfiguredDomain(CertificateName name, Optional<HostedZoneId> zone) {
}
