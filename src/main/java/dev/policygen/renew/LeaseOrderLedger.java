package dev.policygen.renew;

import dev.policygen.PolicygenException;
import dev.policygen.renew.acme.OrderLedger;
import dev.policygen.renew.report.RenewLog;
import dev.policygen.renew.state.Leases;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.Optional;

/**
 * A certificate's ACME order kept in its lease object in the shared state: recorded with a conditional
 * lease renewal as soon as the CA created it, and read back by the runner that takes the lease over
 * after its holder died, which then resumes the order instead of ordering the certificate again
 * (docs/design/s3-state.md, "Orders survive their runner").
 */
final class LeaseOrderLedger implements OrderLedger {
    private final String certificate;
    private final Leases leases;
    private final Optional<String> previous;
    private final RenewLog log;

    LeaseOrderLedger(String certificate, Leases leases, Optional<String> previous, RenewLog log) {
        this.certificate = certificate;
        this.leases = leases;
        this.previous = previous;
        this.log = log;
    }

    @Override
    public Optional<URL> previous() {
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(URI.create(previous.get()).toURL());
        } catch (IllegalArgumentException | MalformedURLException e) {
            log.warn("order.abandoned", "cert", certificate, "order", previous.get(), "reason",
                    "the lease's order is not a URL");
            return Optional.empty();
        }
    }

    @Override
    public void created(URL order) throws PolicygenException, InterruptedException {
        // a lost lease stops the renewal at the check before delivery; the order is then the taker's to resume
        boolean recorded = leases.recordOrder(certificate, order.toString());
        log.info("order.recorded", "cert", certificate, "order", order, "lease", recorded ? "held" : "lost");
    }

    @Override
    public void resumed(URL order, String status) {
        log.info("order.resumed", "cert", certificate, "order", order, "status", status);
    }

    @Override
    public void reissued(URL order, String reason) {
        log.warn("order.reissued", "cert", certificate, "order", order, "reason", reason);
    }

    @Override
    public void abandoned(URL order, String reason) {
        log.info("order.abandoned", "cert", certificate, "order", order, "reason", reason);
    }
}
