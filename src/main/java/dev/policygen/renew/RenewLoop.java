package dev.policygen.renew;

import dev.policygen.PolicygenException;
import dev.policygen.renew.acme.AcmeClient;
import dev.policygen.renew.config.AccountKeyLocation;
import dev.policygen.renew.config.RenewConfig;
import dev.policygen.renew.notify.Notifier;
import dev.policygen.renew.pace.Sleeper;
import dev.policygen.renew.report.Progress;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One {@code policygen renew}: a pass over the config or, when the request repeats, passes at its
 * interval with jitter until {@link #stop()}, which lets the certificates under way finish and clean
 * up. Each pass opens its resources, reads the config and policy again, and closes them before the
 * sleep.
 */
public final class RenewLoop {
    /** Passes of many renewers on one schedule would meet at the CA at once; spread them by up to ±10 %. */
    private static final double JITTER = 0.1;

    private final RenewRequest request;
    private final AwsConnector connector;
    private final PrintWriter out;
    private final PrintWriter err;
    private volatile boolean terminated;
    private volatile RenewPass current;
    private volatile Thread mainThread;
    private volatile boolean sleeping;

    /** @param err where the progress of a pass is shown, when it is a terminal */
    public RenewLoop(RenewRequest request, AwsConnector connector, PrintWriter out, PrintWriter err) {
        this.request = request;
        this.connector = connector;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs until the single pass ends or, when the request repeats, until stopped. Returns the results
     * of the last pass.
     */
    public List<CertificateResult> run() throws PolicygenException, InterruptedException {
        mainThread = Thread.currentThread();
        List<CertificateResult> results;
        do {
            results = pass();
            if (request.repeatEvery().isEmpty() || terminated) {
                break;
            }
            try {
                sleeping = true;
                if (!terminated) {
                    Thread.sleep(jittered(request.repeatEvery().get()).toMillis());
                }
            } catch (InterruptedException e) {
                if (!terminated) {
                    throw e;
                }
            } finally {
                sleeping = false;
            }
        } while (!terminated);
        return results;
    }

    private List<CertificateResult> pass() throws PolicygenException, InterruptedException {
        Clock clock = Clock.systemUTC();
        RenewConfig config = request.readConfig();
        EarlyAcmeLogin early = config.accountKey() instanceof AccountKeyLocation.LocalFile file
                ? EarlyAcmeLogin.start(file.path(), config.directory(), request.acmeCa(), clock) : null;
        // closed in reverse: the ACME client, then the resources, then a login nobody took
        try (EarlyAcmeLogin login = early;
                PassResources resources = PassResources.open(request, config, connector, out, true);
                AcmeClient acme = login != null ? login.client()
                        : AcmeClient.login(config.directory(), request.acmeCa(),
                                resources.accountKey(config.accountKey()), clock, Sleeper.SYSTEM)) {
            Optional<Notifier> notifier = PassNotifications.prepare(request.notifications(config),
                    request.options().dryRun(), resources.aws()::publish, resources.log());
            RenewPass pass = resources.pass(acme, request.options(), Progress.forTerminal(err, resources.format()));
            current = pass;
            if (terminated) {
                pass.stop();
            }
            List<CertificateResult> results = pass.run();
            resources.report(results);
            // after the summary, so a slow or failing receiver never delays or changes what the run reports
            PassNotifications.send(notifier, results, clock.instant());
            return results;
        }
    }

    /**
     * Lets the certificates under way finish and starts no more; ends the sleep between passes. Safe from
     * a signal handler's thread.
     */
    public void stop() {
        terminated = true;
        RenewPass pass = current;
        if (pass != null) {
            pass.stop();
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
}
