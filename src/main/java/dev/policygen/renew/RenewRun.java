package dev.policygen.renew;

import dev.policygen.PolicygenException;
import dev.policygen.renew.config.CertificateConfig;
import dev.policygen.renew.dns.ZoneRecords;
import dev.policygen.renew.state.Journal;
import dev.policygen.route53.HostedZoneId;
import java.io.IOException;
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
 * One pass over every certificate of a config: first the TXT values an earlier, interrupted run
 * left (from the journal), then the certificates, several at once; a certificate's failure is its
 * own result and never stops the others. {@link #stop()} lets the certificates under way finish
 * (clean-up included) and starts no more.
 */
public final class RenewRun {
    private final List<CertificateConfig> certificates;
    private final Map<String, ? extends PolicygenException> failedBefore;
    private final RenewContext context;
    private final AtomicBoolean stopping = new AtomicBoolean();

    RenewRun(List<CertificateConfig> certificates, Map<String, ? extends PolicygenException> failedBefore,
            RenewContext context) {
        this.certificates = List.copyOf(certificates);
        this.failedBefore = new TreeMap<>(failedBefore);
        this.context = context;
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
        int left = context.journal().leftovers().size();
        if (context.options().dryRun()) {
            // --dry-run changes nothing anywhere; the next real run (or policygen cleanup) removes them
            if (left > 0) {
                context.log().info("would-clean", "values", left);
            }
        } else {
            leftovers = removeLeftovers(context.journal(), context.records());
            if (left > 0) {
                context.log().info("cleanup", "values", left, "left", context.journal().leftovers().size());
            }
        }
        for (Map.Entry<String, ? extends PolicygenException> failed : failedBefore.entrySet()) {
            context.log().error("failed", "cert", failed.getKey(), "error", failed.getValue().getMessage());
            results.add(CertificateResult.failed(failed.getKey(), Optional.empty(), failed.getValue()));
        }
        context.progress().start(certificates.size());
        int threads = Math.min(context.options().concurrency(), Math.max(1, certificates.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "policygen-renew");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<CertificateResult>> futures = new ArrayList<>();
            for (CertificateConfig certificate : certificates) {
                futures.add(pool.submit(() -> {
                    if (stopping.get()) {
                        return CertificateResult.skipped(certificate.name(), Optional.empty(),
                                "stopped before it started (SIGTERM)");
                    }
                    CertificateResult result = new CertificateRenewal(certificate, context).run();
                    context.progress().done(certificate.name(), result.outcome() == CertificateResult.Outcome.FAILED);
                    return result;
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
            context.progress().finish();
        }
        if (leftovers.isPresent()) {
            results.add(CertificateResult.failed("(leftovers)", Optional.empty(), leftovers.get()));
        }
        return results;
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

    /**
     * Removes exactly the TXT values the journal says an earlier run created and never removed, one
     * change per zone; used by every run and by {@code policygen cleanup}. Returns the first failure;
     * the journal keeps what could not be removed.
     */
    public static Optional<PolicygenException> removeLeftovers(Journal journal, ZoneRecords records)
            throws InterruptedException {
        Map<HostedZoneId, Map<String, List<String>>> byZone = new TreeMap<>();
        for (Journal.Entry entry : journal.leftovers()) {
            List<String> values = byZone.computeIfAbsent(entry.zone(), z -> new TreeMap<>())
                    .computeIfAbsent(entry.recordName(), n -> new ArrayList<>());
            if (!values.contains(entry.value())) {
                values.add(entry.value());
            }
        }
        PolicygenException failure = null;
        for (Map.Entry<HostedZoneId, Map<String, List<String>>> zone : byZone.entrySet()) {
            try {
                records.remove(zone.getKey(), zone.getValue());
                journal.forget(zone.getKey(), zone.getValue());
            } catch (PolicygenException e) {
                failure = failure != null ? failure : e;
            } catch (IOException e) {
                failure = failure != null ? failure : new dev.policygen.renew.dns.JournalFailure(journal.file(), e);
            }
        }
        return Optional.ofNullable(failure);
    }
}
