package dev.policygen.renew.config;

import dev.policygen.route53.CertificateName;
import dev.policygen.route53.HostedZoneId;
import java.util.Optional;

/** A name on a certificate and, when the config says, the hosted zone its challenge record goes in. */
public record ConfiguredDomain(CertificateName name, Optional<HostedZoneId> zone) {
}
