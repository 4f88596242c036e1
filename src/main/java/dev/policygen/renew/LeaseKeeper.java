package dev.policygen.renew;

import dev.policygen.PolicygenException;
import dev.policygen.renew.report.RenewLog;
import dev.policygen.renew.state.Leases;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The heartbeat of a runner's leases: every third of the lease duration, each lease still held is
 * renewed, so a certificate in flight (its wave, the CA's validation, the delivery) never outlives its
 * lease however long the pass is; two missed beats in a row still leave a third before expiry. The
 * renewals of one beat go out together ({@link Leases#renewAll} sends them in parallel), since a runner
 * holds a lease for every certificate waiting for its wave.
 */
final class LeaseKeeper implements AutoCloseable {
    private final ScheduledExecutorService timer;

    LeaseKeeper(Leases leases, RenewLog log) {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "policygen-leases");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1, leases.duration().toMillis() / 3);
        timer.scheduleWithFixedDelay(() -> {
            try {
                for (String lost : leases.renewAll()) {
                    log.warn("lease.lost", "cert", lost, "reason", "another runner took it over after it expired");
                }
            } catch (PolicygenException e) {
                log.warn("lease.renew-failed", "error", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
