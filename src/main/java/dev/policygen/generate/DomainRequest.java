package dev.policygen.generate;

import dev.policygen.UsageException;
import dev.policygen.route53.CertificateName;
import dev.policygen.route53.HostedZoneId;
import java.util.Optional;

/** A {@code --domain} value: a certificate name, optionally mapped to its zone ({@code name=ZONEID}). */
public record DomainRequest(CertificateName name, Optional<HostedZoneId> zone) {

    public static DomainRequest parse(String text) throws UsageException {
        int eq = text.lastIndexOf('=');
        if (eq < 0) {
            return new DomainRequest(CertificateName.parse(text), Optional.empty());
        }
        return new DomainRequest(CertificateName.parse(text.substring(0, eq)),
                Optional.of(HostedZoneId.parse(text.substring(eq + 1))));
    }
}
