package dev.policygen.renew.acme;

import dev.policygen.InputException;
import dev.policygen.PolicygenException;
import dev.policygen.renew.account.AcmeFailure;
import dev.policygen.renew.account.AcmeSessions;
import dev.policygen.renew.pace.Sleeper;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.shredzone.acme4j.AccountBuilder;
import org.shredzone.acme4j.Certificate;
import org.shredzone.acme4j.Login;
import org.shredzone.acme4j.Order;
import org.shredzone.acme4j.OrderBuilder;
import org.shredzone.acme4j.RenewalInfo;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.Status;
import org.shredzone.acme4j.connector.Resource;
import org.shredzone.acme4j.exception.AcmeServerException;

/**
 * One ACME account at one CA: orders certificates with DNS-01 and reads renewal information. Every
 * call keeps its state on the stack, so several certificates may be ordered at once; they share
 * only acme4j's session, which locks its nonce.
 */
public final class AcmeClient implements AutoCloseable {
    private static final Set<Status> AUTHORIZATION_FINAL = Set.of(Status.VALID, Status.INVALID, Status.DEACTIVATED,
            Status.EXPIRED, Status.REVOKED);
    private static final Set<Status> ORDER_READY = Set.of(Status.READY, Status.VALID, Status.INVALID);
    private static final String AUTHORITY_KEY_IDENTIFIER = "2.5.29.35";
    private static final Set<Status> ORDER_FINAL = Set.of(Status.VALID, Status.INVALID);

    private final Session session;
    private final Login login;
    private final AcmeRequests requests;
    private final Polling polling;

    private AcmeClient(Session session, Login login, AcmeRequests requests, Duration pollTimeout) {
        this.session = session;
        this.login = login;
        this.requests = requests;
        this.polling = new Polling(requests, pollTimeout);
    }

    /** Finds the existing account of {@code accountKey}; never creates one (that is policygen register). */
    public static AcmeClient login(URI directory, Optional<Path> caFile, KeyPair accountKey, Clock clock,
            Sleeper sleeper) throws AcmeFailure {
        return login(directory, caFile, accountKey, clock, sleeper, Polling.TIMEOUT);
    }

    /** @param pollTimeout how long an authorization or the order may stay unfinished */
    public static AcmeClient login(URI directory, Optional<Path> caFile, KeyPair accountKey, Clock clock,
            Sleeper sleeper, Duration pollTimeout) throws AcmeFailure {
        Session session;
        try {
            session = AcmeSessions.open(directory, caFile);
        } catch (InputException e) {
            throw new AcmeFailure(e.located(), e);
        }
        AcmeRequests requests = new AcmeRequests(clock, sleeper);
        try {
            Login login = requests.send("find the ACME account at " + directory, () -> new AccountBuilder()
                    .onlyExisting().useKeyPair(accountKey).createLogin(session));
            return new AcmeClient(session, login, requests, pollTimeout);
        } catch (AcmeFailure e) {
            if (e.getCause() instanceof AcmeServerException refused
                    && refused.getType().toString().endsWith(":accountDoesNotExist")) {
                throw new AcmeFailure("the ACME server " + directory + " has no account for this account key; "
                        + "create one with policygen register", e);
            }
            throw e;
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    /**
     * Orders, validates over DNS-01 with one publish and one withdraw, finalizes with a new key and
     * downloads the chain. The publisher's values are withdrawn on failure too.
     */
    public IssuedCertificate issue(OrderRequest request, ChallengePublisher publisher)
            throws PolicygenException, InterruptedException {
        return issue(request, publisher, OrderLedger.NONE);
    }

    /**
     * As {@link #issue(OrderRequest, ChallengePublisher)}, but first resumes the order {@code ledger}
     * remembers when the CA can still finish it ({@link OrderResume}), and records a new order in the
     * ledger as soon as the CA created it.
     */
    public IssuedCertificate issue(OrderRequest request, ChallengePublisher publisher, OrderLedger ledger)
            throws PolicygenException, InterruptedException {
        CertificateKey key = CertificateKey.generate(request.keyType());
        byte[] csr = key.csr(request.names());
        String orderName = "the order for " + request.names().get(0);
        Optional<Order> previous = resumed(request, ledger);
        Order order = previous.isPresent() ? previous.get() : created(request, ledger);
        List<PendingChallenges.Pending> pending = PendingChallenges.of(order, requests);
        if (!pending.isEmpty()) {
            try {
                publisher.publish(pending.stream().map(PendingChallenges.Pending::record).toList());
                validate(pending);
            } catch (PolicygenException | InterruptedException | RuntimeException e) {
                // publish may have failed half way; withdraw is idempotent
                withdrawAfter(e, publisher);
                throw e;
            }
            publisher.withdraw();
        }
        if (polling.until(order, ORDER_READY, orderName) == Status.INVALID) {
            throw orderInvalid(order, orderName);
        }
        requests.run("finalize " + orderName, () -> order.execute(csr));
        if (polling.until(order, ORDER_FINAL, orderName) != Status.VALID) {
            throw orderInvalid(order, orderName);
        }
        List<X509Certificate> chain = download(order.getCertificate(), request.preferredChain());
        X509Certificate leaf = chain.get(0);
        return new IssuedCertificate(chain, CertificateKey.certificatesPem(chain.subList(0, 1)),
                CertificateKey.certificatesPem(chain.subList(1, chain.size())), CertificateKey.certificatesPem(chain),
                key.privateKeyPem(), leaf.getNotBefore().toInstant(), leaf.getNotAfter().toInstant());
    }

    private Order created(OrderRequest request, OrderLedger ledger) throws PolicygenException, InterruptedException {
        Order order = createOrder(request);
        ledger.created(order.getLocation());
        return order;
    }

    /**
     * The ledger's order when it can still be finished for {@code request}'s names: pending (its
     * authorizations go on) or ready (finalized with this runner's new key). Any other state, or a
     * failure to read it, means a new order; a valid one is reported as reissued, since its certificate's
     * key is lost.
     */
    Optional<Order> resumed(OrderRequest request, OrderLedger ledger) throws InterruptedException {
        if (ledger.previous().isEmpty()) {
            return Optional.empty();
        }
        URL location = ledger.previous().get();
        Order order;
        Optional<Status> status;
        try {
            order = login.bindOrder(location);
            requests.send("read the earlier order " + location, order::fetch);
            status = Optional.of(order.getStatus());
        } catch (AcmeFailure | RuntimeException e) {
            // gone (404), unreadable, or not this account's: nothing to resume
            ledger.abandoned(location, "the earlier order could not be read: " + e.getMessage());
            return Optional.empty();
        }
        String state = status.get().name().toLowerCase(Locale.ROOT);
        OrderResume decision = OrderResume.decide(status);
        if (decision == OrderResume.REISSUE) {
            ledger.reissued(location, "the earlier order is " + state
                    + "; its certificate's key died with the runner that created it");
            return Optional.empty();
        }
        if (decision == OrderResume.NEW) {
            ledger.abandoned(location, "the earlier order is " + state);
            return Optional.empty();
        }
        Set<String> ordered = new java.util.TreeSet<>();
        order.getIdentifiers().forEach(identifier -> ordered.add(identifier.getValue().toLowerCase(Locale.ROOT)));
        Set<String> wanted = new java.util.TreeSet<>();
        request.names().forEach(name -> wanted.add(name.toLowerCase(Locale.ROOT)));
        if (!ordered.equals(wanted)) {
            ledger.abandoned(location, "the earlier order is for other names: " + ordered);
            return Optional.empty();
        }
        ledger.resumed(location, state);
        return Optional.of(order);
    }

    /**
     * The CA's suggested renewal window for {@code certificate}; empty when the CA offers no renewal
     * information (no renewalInfo in its directory), or the certificate has no authority key
     * identifier, which the ARI id is made of (RFC 9773 §4.1; every ACME CA's certificates have one).
     */
    public Optional<RenewalWindow> renewalInfo(X509Certificate certificate) throws AcmeFailure {
        try {
            if (!hasAuthorityKeyId(certificate) || !offersRenewalInfo()) {
                return Optional.empty();
            }
            String what = "read the CA's renewal information for " + certificate.getSubjectX500Principal().getName();
            RenewalInfo info = requests.send(what, () -> login.bindRenewalInfo(certificate));
            Optional<Instant> retryAfter = requests.send(what, info::fetch);
            return Optional.of(requests.send(what, () -> new RenewalWindow(info.getSuggestedWindowStart(),
                    info.getSuggestedWindowEnd(), retryAfter, info.getExplanation())));
        } catch (IllegalArgumentException e) {
            throw new AcmeFailure("the CA's renewal information is unusable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private static boolean hasAuthorityKeyId(X509Certificate certificate) {
        return certificate.getExtensionValue(AUTHORITY_KEY_IDENTIFIER) != null;
    }

    private boolean offersRenewalInfo() throws AcmeFailure, InterruptedException {
        return requests.send("read the ACME directory " + session.getServerUri(),
                () -> session.resourceUrlOptional(Resource.RENEWAL_INFO)).isPresent();
    }

    /**
     * With ARI the order names the certificate it replaces, so the CA may exempt it from rate limits.
     * A CA that says it was already replaced (an earlier run ordered its successor and then failed)
     * gets a plain order instead: the renewal must not stop on it.
     */
    Order createOrder(OrderRequest request) throws AcmeFailure, InterruptedException {
        boolean replacing = request.replaces().filter(AcmeClient::hasAuthorityKeyId).isPresent() && offersRenewalInfo();
        requests.awaitNewOrders("create the order for " + String.join(", ", request.names()));
        return requests.send("create the order for " + String.join(", ", request.names()), () -> {
            OrderBuilder builder = login.newOrder().domains(request.names());
            if (!replacing) {
                return builder.create();
            }
            try {
                return builder.replaces(request.replaces().get()).create();
            } catch (AcmeServerException e) {
                if (!e.getType().toString().endsWith(":alreadyReplaced")) {
                    throw e;
                }
                return login.newOrder().domains(request.names()).create();
            }
        });
    }

    /** Triggers every challenge, then waits for each; the first refused name ends the order. */
    private void validate(List<PendingChallenges.Pending> pending) throws AcmeFailure, InterruptedException {
        for (PendingChallenges.Pending challenge : pending) {
            // a resumed order's challenge the dead runner had started is validated already: not started twice
            if (challenge.challenge().getStatus() == Status.PENDING) {
                requests.run("start the dns-01 challenge of " + challenge.name(), challenge.challenge()::trigger);
            }
        }
        for (PendingChallenges.Pending challenge : pending) {
            Status status = polling.until(challenge.authorization(), AUTHORIZATION_FINAL,
                    "the authorization of " + challenge.name());
            if (status != Status.VALID) {
                throw new AcmeFailure("the CA did not validate " + challenge.name() + " ("
                        + status.name().toLowerCase(Locale.ROOT) + ")"
                        + PendingChallenges.detail(challenge.authorization()).map(d -> ": " + d).orElse(""));
            }
        }
    }

    private static void withdrawAfter(Exception failure, ChallengePublisher publisher) {
        try {
            publisher.withdraw();
        } catch (PolicygenException | RuntimeException e) {
            failure.addSuppressed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.addSuppressed(e);
        }
    }

    private static AcmeFailure orderInvalid(Order order, String orderName) {
        return new AcmeFailure("the CA refused " + orderName
                + order.getError().map(PendingChallenges::describe).map(d -> ": " + d).orElse(""));
    }

    /** The default chain, or the first alternate whose top matches the preferred chain. */
    private List<X509Certificate> download(Certificate certificate, Optional<String> preferredChain)
            throws AcmeFailure, InterruptedException {
        requests.run("download the certificate", certificate::download);
        List<List<X509Certificate>> chains = new ArrayList<>();
        chains.add(certificate.getCertificateChain());
        if (preferredChain.isPresent()) {
            for (Certificate alternate : requests.send("list the alternate chains", certificate::getAlternateCertificates)) {
                requests.run("download an alternate chain", alternate::download);
                chains.add(alternate.getCertificateChain());
            }
        }
        return ChainChoice.pick(chains, preferredChain);
    }

    private static AcmeFailure interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new AcmeFailure("interrupted while talking to the ACME server", e);
    }

    /** Nothing to release: acme4j's session holds no connection between requests. */
    @Override
    public void close() {
    }
}
