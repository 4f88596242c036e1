package dev.policygen.renew;

import dev.policygen.PolicygenException;
import dev.policygen.renew.acme.ChallengePublisher;
import dev.policygen.renew.acme.ChallengeRecord;
import dev.policygen.renew.acme.IssuedCertificate;
import dev.policygen.renew.acme.OrderLedger;
import dev.policygen.renew.acme.OrderRequest;
import dev.policygen.renew.acme.RenewalWindow;
import dev.policygen.renew.config.CertificateConfig;
import dev.policygen.renew.config.ConfiguredDomain;
import dev.policygen.renew.config.ZoneGivenById;
import dev.policygen.renew.destination.ServiceState;
import dev.policygen.renew.dns.ZoneMismatchException;
import dev.policygen.renew.report.RenewLog;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.RecordChange;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One certificate, start to end: read what is in service, decide, order a new certificate with a
 * new key (its DNS-01 records published and withdrawn with its wave, {@code renew.wave}), and deliver it
 * everywhere. Any failure becomes this certificate's result; the others go on.
 */
final class CertificateRenewal {
    private final CertificateConfig config;
    private final PassParts parts;
    private final LeaseCheck lease;
    private final OrderLedger ledger;
    /** Set when the challenge records could not all be removed; the journal keeps them for the next run. */
    private PolicygenException cleanupFailure;

    /**
     * Whether this runner still holds the certificate's lease in a shared state, confirmed (and
     * extended) with a conditional write just before the order and before delivery: a runner that lost
     * its lease (stalled past its expiry) stops there, so another runner's order is never doubled.
     */
    @FunctionalInterface
    interface LeaseCheck {
        LeaseCheck NONE = () -> true;

        boolean stillHeld() throws PolicygenException, InterruptedException;
    }

    CertificateRenewal(CertificateConfig config, PassParts parts) {
        this(config, parts, LeaseCheck.NONE);
    }

    CertificateRenewal(CertificateConfig config, PassParts parts, LeaseCheck lease) {
        this(config, parts, lease, OrderLedger.NONE);
    }

    /** @param ledger where the order is recorded as soon as created, and whence an unfinished one is resumed */
    CertificateRenewal(CertificateConfig config, PassParts parts, LeaseCheck lease, OrderLedger ledger) {
        this.config = config;
        this.parts = parts;
        this.lease = lease;
        this.ledger = ledger;
    }

    CertificateResult run() throws InterruptedException {
        RenewLog log = parts.log();
        String name = config.name();
        Optional<java.time.Instant> expiry = Optional.empty();
        try {
            parts.progress().update(name, "reading");
            List<ServiceState> states = parts.reader().read(config);
            expiry = RenewDecision.earliestExpiry(states);
            Optional<RenewalWindow> window = renewalWindow(states);
            RenewDecision decision = RenewDecision.decide(config, states, parts.clock().instant(),
                    parts.options().forceIssue(), window);
            if (!decision.due()) {
                log.info("skipped", "cert", name, "reason", decision.reason());
                return CertificateResult.skipped(name, expiry, decision.reason());
            }
            // every request after the order is checked now: the CA issues nothing the policy cannot deliver,
            // and a dry run tells whether the policy suffices
            preflight(states);
            if (parts.options().dryRun()) {
                log.info("would-renew", "cert", name, "reason", decision.reason());
                return CertificateResult.skipped(name, expiry, "dry run; would renew: " + decision.reason());
            }
            if (!lease.stillHeld()) {
                return leaseLost(name, expiry, "before ordering");
            }
            log.info("renewing", "cert", name, "reason", decision.reason(), "names", names());
            IssuedCertificate issued = issue(states);
            log.info("issued", "cert", name, "not-after", issued.notAfter(), "serial",
                    issued.chain().get(0).getSerialNumber().toString(16));
            if (!lease.stillHeld()) {
                return leaseLost(name, expiry, "before delivery");
            }
            parts.progress().update(name, "delivering");
            List<String> locations = new ArrayList<>();
            for (ServiceState state : states) {
                locations.add(parts.delivery().deliver(name, issued, state));
            }
            PolicygenException deleteFailure = null;
            try {
                parts.delivery().deleteReplaced(name, states, locations);
            } catch (PolicygenException e) {
                // the new certificate is in service everywhere; the old one stays, and the exit code says so
                log.error("delete-old.failed", "cert", name, "error", e.getMessage());
                deleteFailure = e;
            }
            log.info("renewed", "cert", name, "not-after", issued.notAfter(), "to", String.join(",", locations));
            return new CertificateResult(name, CertificateResult.Outcome.RENEWED, Optional.of(issued.notAfter()),
                    "renewed: " + decision.reason() + (cleanupFailure == null ? ""
                            : "; clean-up failed, the next run retries it: " + cleanupFailure.getMessage())
                            + (deleteFailure == null ? ""
                            : "; the replaced IAM server certificate was not deleted: " + deleteFailure.getMessage()),
                    locations, Optional.ofNullable(cleanupFailure != null ? cleanupFailure : deleteFailure));
        } catch (PolicygenException e) {
            log.error("failed", "cert", name, "error", CertificateResult.reason(e));
            return CertificateResult.failed(name, expiry, e);
        }
    }

    private CertificateResult leaseLost(String name, Optional<java.time.Instant> expiry, String when) {
        String reason = "its lease was taken over by another runner " + when;
        parts.log().warn("lease.lost", "cert", name, "reason", reason);
        return CertificateResult.skipped(name, expiry, reason);
    }

    private IssuedCertificate issue(List<ServiceState> states) throws PolicygenException, InterruptedException {
        Map<String, Optional<HostedZoneId>> zones = new LinkedHashMap<>();
        for (ConfiguredDomain domain : config.domains()) {
            zones.put(domain.name().normalized(), domain.zone());
        }
        // the order's values go out with the other orders of its wave: one change per zone for all of them
        ChallengePublisher challenges = parts.waves().publisher(config.name(), zones);
        OrderRequest request = new OrderRequest(names(), config.keyType(), parts.options().preferredChain(),
                RenewDecision.earliestCertificate(states));
        parts.progress().update(config.name(), "ordering");
        // a failed clean-up during the order must not stop its finalization: the CA has validated every
        // name by then, and the journal keeps the values for the retry below and the next run
        ChallengePublisher publisher = new ChallengePublisher() {
            @Override
            public void publish(List<ChallengeRecord> records) throws PolicygenException, InterruptedException {
                challenges.publish(records);
            }

            @Override
            public void withdraw() throws InterruptedException {
                try {
                    challenges.withdraw();
                } catch (PolicygenException e) {
                    parts.log().warn("cleanup.retrying", "cert", config.name(), "error", e.getMessage());
                }
            }
        };
        try {
            return parts.acme().issue(request, publisher, ledger);
        } finally {
            // AcmeClient withdraws once the CA has decided; this covers every way out before that. A
            // failed clean-up must neither hide the order's own failure nor lose a certificate issued
            try {
                challenges.withdraw();
            } catch (PolicygenException e) {
                cleanupFailure = e;
                parts.log().error("cleanup.failed", "cert", config.name(), "error", e.getMessage());
            }
        }
    }

    /** The challenge records' batches (publish and clean-up, one per zone) and the delivery, by the guard alone. */
    private void preflight(List<ServiceState> states) throws PolicygenException, InterruptedException {
        checkZonesGivenById();
        Map<HostedZoneId, List<String>> byZone = new TreeMap<>();
        for (ConfiguredDomain domain : config.domains()) {
            HostedZoneId zone = parts.zones().zoneOf(domain.name().normalized(), domain.zone());
            List<String> names = byZone.computeIfAbsent(zone, z -> new ArrayList<>());
            if (!names.contains(domain.name().challengeName())) {
                names.add(domain.name().challengeName());
            }
        }
        for (Map.Entry<HostedZoneId, List<String>> zone : byZone.entrySet()) {
            // the batches ZoneRecords may send: CREATE of new sets, DELETE of ours, and DELETE of a set as
            // read + CREATE of its replacement (never UPSERT)
            for (List<String> actions : List.of(List.of("CREATE"), List.of("DELETE"), List.of("DELETE", "CREATE"))) {
                List<RecordChange> changes = new ArrayList<>();
                for (String record : zone.getValue()) {
                    for (String action : actions) {
                        changes.add(new RecordChange(action, "TXT", record));
                    }
                }
                parts.aws().check(parts.aws().changeCall(zone.getKey(), changes));
            }
        }
        parts.delivery().preflight(config.name(), states);
    }

    /**
     * Each challenge record lies in the zone the config gives by id alone ({@code zones: [ZONEID]}): the
     * config names no zone there, so Route 53 is asked the zone's name (GetHostedZone, once a run).
     */
    private void checkZonesGivenById() throws PolicygenException, InterruptedException {
        for (ConfiguredDomain domain : config.domains()) {
            if (domain.byIdAlone().isEmpty() || domain.zone().isEmpty()) {
                continue;
            }
            HostedZoneId zone = domain.zone().get();
            String zoneName = parts.zones().zoneName(zone);
            String record = domain.name().challengeName();
            if (!record.equals(zoneName) && !record.endsWith("." + zoneName)) {
                ZoneGivenById where = domain.byIdAlone().get();
                throw ZoneMismatchException.of(where.source(), where.position(), domain.name().input(), record, zone,
                        zoneName);
            }
        }
    }

    private Optional<RenewalWindow> renewalWindow(List<ServiceState> states) throws InterruptedException {
        Optional<X509Certificate> current = RenewDecision.earliestCertificate(states);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        try {
            return parts.acme().renewalInfo(current.get());
        } catch (PolicygenException e) {
            // the window decides without it; a CA's ARI outage must not stop renewals
            parts.log().warn("ari.unavailable", "cert", config.name(), "error", e.getMessage());
            return Optional.empty();
        }
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        for (ConfiguredDomain domain : config.domains()) {
            names.add(RenewDecision.orderName(domain.name()));
        }
        return names;
    }
}
