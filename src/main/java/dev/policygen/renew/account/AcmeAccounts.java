package dev.policygen.renew.account;

import dev.policygen.InputException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Optional;
import org.shredzone.acme4j.Account;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.exception.AcmeServerException;

/** Creates ACME accounts with acme4j; the only class of register that talks to an ACME server. */
public final class AcmeAccounts {
    private static final URI ACCOUNT_DOES_NOT_EXIST = URI.create("urn:ietf:params:acme:error:accountDoesNotExist");

    private final Session session;

    private AcmeAccounts(Session session) {
        this.session = session;
    }

    /**
     * A client of the directory at {@code directory}. {@code caFile}, when given, is the only CA
     * trusted for the server's HTTPS, for private ACME servers (and Pebble in tests).
     */
    public static AcmeAccounts at(URI directory, Optional<Path> caFile) throws InputException {
        return new AcmeAccounts(AcmeSessions.open(directory, caFile));
    }

    /** The terms of service the directory asks new accounts to agree to, if it names any. */
    public Optional<URI> termsOfService() throws AcmeFailure {
        try {
            return session.getMetadata().getTermsOfService();
        } catch (AcmeException e) {
            throw failure("cannot read the ACME directory " + session.getServerUri(), e);
        }
    }

    /** Registers {@code keyPair} as a new account (or finds the one it already has); returns its URL. */
    public URL register(KeyPair keyPair, String email, boolean agreeToTerms) throws AcmeFailure {
        try {
            AccountBuilder builder = new AccountBuilder().addEmail(email).useKeyPair(keyPair);
            if (agreeToTerms) {
                builder.agreeToTermsOfService();
            }
            Account account = builder.create(session);
            return account.getLocation();
        } catch (AcmeException e) {
            throw failure("the ACME server " + session.getServerUri() + " refused the new account", e);
        } catch (IllegalArgumentException e) {
            // acme4j reports a malformed e-mail address, or a key it cannot sign with, before sending anything
            throw failure("cannot make the new-account request for \"" + email + "\"", e);
        }
    }

    /**
     * The account {@code keyPair} already has, if any (a new-account request with onlyReturnExisting,
     * RFC 8555 §7.3.1): how a register that stored its key but failed before the account was made, or
     * a second register with the same key, finds the account without making another.
     */
    public Optional<URL> existing(KeyPair keyPair) throws AcmeFailure {
        try {
            return Optional.of(new AccountBuilder().onlyExisting().useKeyPair(keyPair).create(session).getLocation());
        } catch (AcmeServerException e) {
            if (ACCOUNT_DOES_NOT_EXIST.equals(e.getType())) {
                return Optional.empty();
            }
            throw failure("the ACME server " + session.getServerUri() + " refused to look up the account", e);
        } catch (AcmeException e) {
            throw failure("the ACME server " + session.getServerUri() + " refused to look up the account", e);
        } catch (IllegalArgumentException e) {
            throw failure("cannot make the account look-up request", e);
        }
    }

    private static AcmeFailure failure(String what, Exception e) {
        return AcmeSessions.failure(what, e);
    }
}
