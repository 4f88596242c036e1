package dev.policygen.renew;

import dev.policygen.renew.acme.RenewalWindow;
import dev.policygen.renew.config.CertificateConfig;
import dev.policygen.renew.config.ConfiguredDomain;
import dev.policygen.renew.destination.ServiceState;
import dev.policygen.route53.CertificateName;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a certificate is renewed now, and why: forced; a destination left unfinished (files a
 * killed run half replaced); a destination without a certificate; a
 * certificate whose names are not the configured ones; one expiring within the renewal window; or
 * the CA's renewal information (RFC 9773) saying so. Otherwise it is skipped until it is due.
 */
public record RenewDecision(boolean due, String reason, Optional<Instant> expiry) {

    static RenewDecision decide(CertificateConfig config, List<ServiceState> states, Instant now, boolean force,
            Optional<RenewalWindow> window) {
        Optional<Instant> expiry = earliestExpiry(states);
        if (force) {
            return new RenewDecision(true, "--force-issue", expiry);
        }
        Set<String> wanted = configuredNames(config);
        for (ServiceState state : states) {
            if (state.unfinished().isPresent()) {
                return new RenewDecision(true, state.unfinished().get(), expiry);
            }
            if (state.certificate().isEmpty() && state.location().isPresent()) {
                return new RenewDecision(true, "the certificate in service at " + describe(state)
                        + " is not one this destination writes; a new one replaces it", expiry);
            }
            if (state.certificate().isEmpty()) {
                return new RenewDecision(true, "no certificate in service at " + describe(state), expiry);
            }
            Set<String> names = names(state.certificate().get());
            if (!names.equals(wanted)) {
                return new RenewDecision(true, "the certificate at " + describe(state) + " is for " + names
                        + ", the config asks for " + wanted, expiry);
            }
        }
        if (expiry.isEmpty()) {
            return new RenewDecision(true, "no certificate in service", expiry);
        }
        Instant windowStart = expiry.get().minus(Duration.ofDays(config.renewBeforeDays()));
        if (!now.isBefore(windowStart)) {
            return new RenewDecision(true, "expires " + expiry.get() + ", within " + config.renewBeforeDays()
                    + " days", expiry);
        }
        if (window.isPresent() && window.get().due(now)) {
            return new RenewDecision(true, "the CA's renewal information says renew between " + window.get().start()
                    + " and " + window.get().end(), expiry);
        }
        return new RenewDecision(false, "valid until " + expiry.get() + "; renews from " + windowStart, expiry);
    }

    /** The soonest notAfter of the certificates in service, which decides for all of them. */
    static Optional<Instant> earliestExpiry(List<ServiceState> states) {
        return earliestCertificate(states).map(certificate -> certificate.getNotAfter().toInstant());
    }

    /** The certificate whose expiry is the earliest: the one whose renewal information is asked for. */
    static Optional<X509Certificate> earliestCertificate(List<ServiceState> states) {
        X509Certificate earliest = null;
        for (ServiceState state : states) {
            if (state.certificate().isPresent() && (earliest == null
                    || state.certificate().get().getNotAfter().before(earliest.getNotAfter()))) {
                earliest = state.certificate().get();
            }
        }
        return Optional.ofNullable(earliest);
    }

    static Set<String> configuredNames(CertificateConfig config) {
        Set<String> names = new TreeSet<>();
        for (ConfiguredDomain domain : config.domains()) {
            names.add(orderName(domain.name()));
        }
        return names;
    }

    /** The ASCII name as it goes in the order and comes back in the certificate. */
    static String orderName(CertificateName name) {
        return (name.wildcard() ? "*." : "") + name.normalized();
    }

    private static Set<String> names(X509Certificate certificate) {
        Set<String> names = new TreeSet<>();
        try {
            if (certificate.getSubjectAlternativeNames() != null) {
                for (List<?> entry : certificate.getSubjectAlternativeNames()) {
                    if (Integer.valueOf(2).equals(entry.get(0))) {
                        names.add(String.valueOf(entry.get(1)).toLowerCase(Locale.ROOT));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // an unreadable extension counts as no names, which renews the certificate
        }
        return names;
    }

    private static String describe(ServiceState state) {
        return state.describe();
    }
}
