package dev.policygen.renew;

import dev.policygen.PolicygenException;
import dev.policygen.renew.config.CertificateConfig;
import dev.policygen.renew.state.Leases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One pass over every certificate of a config: first the TXT values an earlier, interrupted pass
 * left (from the journal), then the certificates, several at once; a certificate's failure is its
 * own result and never stops the others. {@link #stop()} lets the certificates under way finish
 * (clean-up included) and starts no more.
 */
final class RenewPass {
    /** Threads of a pass at most: certificates past it wait for a thread, and so for a later wave. */
    static final int MAX_THREADS = 1_000;

    private final List<CertificateConfig> certificates;
    private final Map<String, ? extends PolicygenException> failedBefore;
    private final PassParts parts;
    private final Optional<Leases> leases;
    private final AtomicBoolean stopping = new AtomicBoolean();

    RenewPass(List<CertificateConfig> certificates, Map<String, ? extends PolicygenException> failedBefore,
            PassParts parts) {
        this(certificates, failedBefore, parts, Optional.empty());
    }

    /** @param leases the leases of a shared S3 state: a certificate is renewed only under its lease */
    RenewPass(List<CertificateConfig> certificates, Map<String, ? extends PolicygenException> failedBefore,
            PassParts parts, Optional<Leases> leases) {
        this.certificates = List.copyOf(certificates);
        this.failedBefore = new TreeMap<>(failedBefore);
        this.parts = parts;
        this.leases = leases;
    }

    /** Finish the certificates under way, start no more; safe from a signal handler's thread. */
    public void stop() {
        stopping.set(true);
    }

    public boolean stopping() {
        return stopping.get();
    }

    public List<CertificateResult> run() throws InterruptedException {
        List<CertificateResult> results = new ArrayList<>();
        Optional<PolicygenException> leftovers = Optional.empty();
        int left = parts.journal().leftovers().size();
        if (parts.options().dryRun()) {
            // --dry-run changes nothing anywhere; the next real run (or policygen cleanup) removes them
            if (left > 0) {
                parts.log().info("would-clean", "values", left);
            }
        } else {
            leftovers = Cleanup.removeLeftovers(parts.journal(), parts.records());
            if (left > 0) {
                parts.log().info("cleanup", "values", left, "left", parts.journal().leftovers().size());
            }
        }
        for (Map.Entry<String, ? extends PolicygenException> failed : failedBefore.entrySet()) {
            parts.log().error("failed", "cert", failed.getKey(), "error", failed.getValue().getMessage());
            results.add(CertificateResult.failed(failed.getKey(), Optional.empty(), failed.getValue()));
        }
        parts.progress().start(certificates.size());
        parts.waves().expect(certificates.size());
        // a thread per certificate (up to MAX_THREADS), but only --concurrency of them work at once: a
        // certificate waiting for its wave gives its slot to the next one, so many orders reach one wave
        int threads = Math.min(MAX_THREADS, Math.max(1, certificates.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "policygen-renew");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<CertificateResult>> futures = new ArrayList<>();
            for (int i = 0; i < certificates.size(); i++) {
                CertificateConfig certificate = certificates.get(i);
                int turn = i;
                futures.add(pool.submit(() -> {
                    try {
                        parts.slots().acquireInTurn(turn);
                        if (stopping.get()) {
                            return CertificateResult.skipped(certificate.name(), Optional.empty(),
                                    "stopped before it started (SIGTERM)");
                        }
                        CertificateResult result = underLease(certificate);
                        parts.progress().done(certificate.name(),
                                result.outcome() == CertificateResult.Outcome.FAILED);
                        return result;
                    } finally {
                        parts.slots().release();
                        parts.waves().finished(certificate.name());
                    }
                }));
            }
            // a defect in one certificate must not interrupt the others half way (their TXT values would
            // stay until the next run): every certificate finishes before the defect is reported
            RuntimeException defect = null;
            for (Future<CertificateResult> future : futures) {
                try {
                    results.add(get(future));
                } catch (RuntimeException e) {
                    defect = defect != null ? defect : e;
                }
            }
            if (defect != null) {
                throw defect;
            }
        } finally {
            pool.shutdownNow();
            parts.progress().finish();
        }
        if (leftovers.isPresent()) {
            results.add(CertificateResult.failed("(leftovers)", Optional.empty(), leftovers.get()));
        }
        for (PolicygenException failure : parts.waves().cleanupFailures()) {
            results.add(CertificateResult.failed("(clean-up)", Optional.empty(), failure));
        }
        return results;
    }

    /**
     * The certificate's renewal, under its lease when the state is shared: a certificate another runner
     * holds is skipped this pass (its lease's 412); the lease is released once the certificate is done,
     * clean-up included. A dry run takes no lease, since it changes nothing.
     */
    private CertificateResult underLease(CertificateConfig certificate) throws InterruptedException {
        if (leases.isEmpty() || parts.options().dryRun()) {
            return new CertificateRenewal(certificate, parts).run();
        }
        String name = certificate.name();
        Optional<Leases.Taken> taken;
        try {
            taken = leases.get().take(name);
        } catch (PolicygenException e) {
            parts.log().error("failed", "cert", name, "error", e.getMessage());
            return CertificateResult.failed(name, Optional.empty(), e);
        }
        if (taken.isEmpty()) {
            parts.log().info("lease.held", "cert", name, "reason", "another runner holds its lease");
            return CertificateResult.skipped(name, Optional.empty(), "another runner holds its lease");
        }
        taken.get().previousHolder().ifPresent(previous -> parts.log().info("lease.taken-over", "cert", name,
                "from", previous));
        try {
            return new CertificateRenewal(certificate, parts, () -> leases.get().renew(name),
                    new LeaseOrderLedger(name, leases.get(), taken.get().order(), parts.log())).run();
        } finally {
            try {
                leases.get().release(name);
            } catch (PolicygenException e) {
                // the lease then expires on its own; another runner finds the certificate renewed
                parts.log().warn("lease.release-failed", "cert", name, "error", e.getMessage());
            }
        }
    }

    private static CertificateResult get(Future<CertificateResult> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            // CertificateRenewal turns every PolicygenException into a result; anything else is a defect
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }
}
