package dev.policygen.cli;

import dev.policygen.PolicygenException;
import dev.policygen.UsageException;
import dev.policygen.renew.CertificateResult;
import dev.policygen.renew.RenewRun;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One {@code policygen renew}: a pass over the config, or with --persistent passes at an interval
 * with jitter until SIGTERM, which lets the certificates under way finish and clean up, then exits 0.
 */
final class RenewSession {
    /** Passes of many renewers on one schedule would meet at the CA at once; spread them by up to ±10 %. */
    private static final double JITTER = 0.1;

    private final RenewCommand options;
    private final PrintWriter out;
    private final PrintWriter err;
    private volatile boolean terminated;
    private volatile RenewRun current;
    private volatile Thread mainThread;
    private volatile boolean sleeping;

    RenewSession(RenewCommand options, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    int run() throws PolicygenException, InterruptedException {
        Duration interval = DurationText.parse(options.interval, "--interval");
        if (options.concurrency < 1 || options.concurrency > 64) {
            throw new UsageException(String.valueOf(options.concurrency), "--concurrency takes 1 to 64");
        }
        options.target.route53Limit();
        mainThread = Thread.currentThread();
        TermSignal.onTerm(this::terminate);
        int code = ExitCode.OK;
        do {
            try (RenewSetup setup = RenewSetup.open(options, out, err)) {
                current = setup.run();
                if (terminated) {
                    current.stop();
                }
                List<CertificateResult> results = current.run();
                setup.report(results);
                code = exitCode(results);
            }
            if (!options.persistent || terminated) {
                break;
            }
            try {
                sleeping = true;
                if (!terminated) {
                    Thread.sleep(jittered(interval).toMillis());
                }
            } catch (InterruptedException e) {
                if (!terminated) {
                    throw e;
                }
            } finally {
                sleeping = false;
            }
        } while (!terminated);
        return options.persistent ? ExitCode.OK : code;
    }

    private void terminate() {
        terminated = true;
        RenewRun run = current;
        if (run != null) {
            run.stop();
        }
        Thread main = mainThread;
        if (main != null && sleeping) {
            // only the sleep between passes is interrupted; a pass under way finishes its certificates
            main.interrupt();
        }
    }

    static Duration jittered(Duration interval) {
        double factor = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * JITTER;
        return Duration.ofMillis(Math.max(1000, (long) (interval.toMillis() * factor)));
    }

    /**
     * 0 when every certificate was renewed or not due (clean-up included); else 4 when any failure came
     * from AWS, the CA or the policy guard, which needs the operator most; else the first failure's code.
     */
    static int exitCode(List<CertificateResult> results) {
        int code = ExitCode.OK;
        for (CertificateResult result : results) {
            if (result.failure().isPresent()) {
                int failure = Main.exitCodeOf(result.failure().get());
                code = code == ExitCode.OK || failure == ExitCode.REMOTE ? failure : code;
            }
        }
        return code;
    }
}
