package dev.policygen.cli;

import dev.policygen.PolicygenException;
import dev.policygen.renew.account.AccountKeyFile;
import dev.policygen.renew.acme.AcmeClient;
import dev.policygen.renew.pace.Sleeper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The ACME login (directory, nonce, account lookup over TLS: most of a second on a cold JVM) on its own
 * thread, started before zone discovery so the two overlap; the run takes the client when it needs it.
 * Only for an account key in a local file: one in S3 is read through the policy guard, which needs the
 * run's policy first. A failure is reported when the client is taken, as if the login ran then.
 */
final class EarlyAcmeLogin implements AutoCloseable {
    private final Thread thread;
    private AcmeClient client;
    private PolicygenException failure;
    private RuntimeException bug;
    private boolean closed;

    private EarlyAcmeLogin(Path accountKey, URI directory, Optional<Path> caFile, Clock clock) {
        thread = new Thread(() -> login(accountKey, directory, caFile, clock), "acme-login");
        thread.setDaemon(true);
    }

    static EarlyAcmeLogin start(Path accountKey, URI directory, Optional<Path> caFile, Clock clock) {
        EarlyAcmeLogin login = new EarlyAcmeLogin(accountKey, directory, caFile, clock);
        login.thread.start();
        return login;
    }

    private void login(Path accountKey, URI directory, Optional<Path> caFile, Clock clock) {
        AcmeClient logged = null;
        PolicygenException failed = null;
        RuntimeException broken = null;
        try {
            logged = AcmeClient.login(directory, caFile, AccountKeyFile.read(accountKey), clock, Sleeper.SYSTEM);
        } catch (PolicygenException e) {
            failed = e;
        } catch (RuntimeException e) {
            broken = e;
        }
        synchronized (this) {
            if (closed && logged != null) {
                // nobody will take it: the setup failed or ended while the login ran
                logged.close();
                return;
            }
            client = logged;
            failure = failed;
            bug = broken;
        }
    }

    /** The logged-in client, waiting for the login; its failure as the login's own. */
    AcmeClient client() throws PolicygenException, InterruptedException {
        thread.join();
        synchronized (this) {
            if (failure != null) {
                throw failure;
            }
            if (bug != null) {
                throw bug;
            }
            AcmeClient taken = client;
            client = null;
            return taken;
        }
    }

    /** Closes a client nobody took, now or when its login ends. */
    @Override
    public synchronized void close() {
        closed = true;
        if (client != null) {
            client.close();
            client = null;
        }
    }
}
