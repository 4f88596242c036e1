package dev.policygen.renew.config;

import dev.policygen.renew.notify.NotifySettings;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The renewer's whole configuration, whichever schema it was written in: the ACME account key,
 * the ACME directory, where state is kept, the certificates, and where their outcomes are sent
 * (policygen's own schema only; renew's --notify options add to it).
 */
public record RenewConfig(AccountKeyLocation accountKey, URI directory, Optional<StateLocation> stateDir,
        List<CertificateConfig> certificates, NotifySettings notifications) {
    public RenewConfig {
        certificates = List.copyOf(certificates);
    }

    /** A config that notifies nobody. */
    public RenewConfig(AccountKeyLocation accountKey, URI directory, Optional<StateLocation> stateDir,
            List<CertificateConfig> certificates) {
        this(accountKey, directory, stateDir, certificates, NotifySettings.NONE);
    }

    /** The same config with other certificates (zones found, or some left out), everything else kept. */
    public RenewConfig withCertificates(List<CertificateConfig> others) {
        return new RenewConfig(accountKey, directory, stateDir, others, notifications);
    }

    /** The same config with its state kept at {@code location} (the one a pass resolved from --state-dir). */
    public RenewConfig withStateDir(StateLocation location) {
        return new RenewConfig(accountKey, directory, Optional.of(location), certificates, notifications);
    }

    /** True when no certificate needs zone discovery. */
    public boolean zonesConfigured() {
        return certificates.stream().allMatch(CertificateConfig::zonesConfigured);
    }
}
