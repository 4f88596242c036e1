package dev.policygen.renew.acme;

import dev.policygen.PolicygenException;
import java.net.URL;
import java.util.Optional;

/**
 * Where a certificate's open order is remembered outside the process that created it (the lease
 * object in a shared state), so that a runner taking over a dead runner's certificate resumes its
 * order instead of ordering again; and where what became of a remembered order is reported.
 */
public interface OrderLedger {
    /** Remembers nothing: a local state has one runner, whose orders die with it. */
    OrderLedger NONE = new OrderLedger() {
        @Override
        public Optional<URL> previous() {
            return Optional.empty();
        }

        @Override
        public void created(URL order) {
        }

        @Override
        public void resumed(URL order, String status) {
        }

        @Override
        public void reissued(URL order, String reason) {
        }

        @Override
        public void abandoned(URL order, String reason) {
        }
    };

    /** The order an earlier holder of the certificate created and did not finish, if any. */
    Optional<URL> previous();

    /** Records a new order as soon as the CA created it, before anything else is done with it. */
    void created(URL order) throws PolicygenException, InterruptedException;

    /** The previous order is continued ({@code status}: what the CA said it was). */
    void resumed(URL order, String status);

    /**
     * The previous order was issued (or is being issued) for a key that died with its runner: a new
     * order is unavoidable; {@code reason} says why.
     */
    void reissued(URL order, String reason);

    /** The previous order is invalid, expired, gone or for other names: a new order, as if there were none. */
    void abandoned(URL order, String reason);
}
