package dev.policygen.renew;

import dev.policygen.PolicygenException;
import dev.policygen.renew.account.AccountKeyFile;
import dev.policygen.renew.acme.AcmeClient;
import dev.policygen.renew.pace.Sleeper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The ACME login (directory, nonce, account lookup over TLS: most of a second on a cold JVM) on its own
 * thread, started before the state directory is opened and the zones are discovered so they overlap;
 * the pass takes the client when it needs it. Only for an account key in a local file: one in S3 is
 * read through the policy guard, which needs the pass's policy first. A failure is reported when the
 * client is taken, as if the login ran then.
 */
final class EarlyAcmeLogin implements AutoCloseable {
    private final CompletableFuture<AcmeClient> login;
    private boolean taken;

    private EarlyAcmeLogin(CompletableFuture<AcmeClient> login) {
        this.login = login;
    }

    static EarlyAcmeLogin start(Path accountKey, URI directory, Optional<Path> caFile, Clock clock) {
        CompletableFuture<AcmeClient> login = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                login.complete(AcmeClient.login(directory, caFile, AccountKeyFile.read(accountKey), clock,
                        Sleeper.SYSTEM));
            } catch (PolicygenException | RuntimeException | Error e) {
                // completed either way, so that taking the client never waits for a thread that died
                login.completeExceptionally(e);
            }
        }, "acme-login");
        thread.setDaemon(true);
        thread.start();
        return new EarlyAcmeLogin(login);
    }

    /** The logged-in client, waiting for the login; its failure as the login's own. */
    AcmeClient client() throws PolicygenException, InterruptedException {
        try {
            AcmeClient client = login.get();
            taken = true;
            return client;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PolicygenException failure) {
                throw failure;
            }
            if (e.getCause() instanceof RuntimeException bug) {
                throw bug;
            }
            throw (Error) e.getCause();
        }
    }

    /** Closes a client nobody took, now or, if the login is still running, when it ends. */
    @Override
    public void close() {
        if (!taken) {
            login.thenAccept(AcmeClient::close);
        }
    }
}
