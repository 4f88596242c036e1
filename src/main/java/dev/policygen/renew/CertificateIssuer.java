package dev.policygen.renew;

import dev.policygen.PolicygenException;
import dev.policygen.renew.acme.AcmeClient;
import dev.policygen.renew.acme.ChallengePublisher;
import dev.policygen.renew.acme.IssuedCertificate;
import dev.policygen.renew.acme.OrderLedger;
import dev.policygen.renew.acme.OrderRequest;
import dev.policygen.renew.acme.RenewalWindow;
import java.security.cert.X509Certificate;
import java.util.Optional;

/**
 * What a pass asks of the CA: the {@link AcmeClient} in every real pass; the seam lets the pass's
 * unit tests drive passes (failures, stops, leftovers) without an ACME server.
 */
interface CertificateIssuer {
    IssuedCertificate issue(OrderRequest request, ChallengePublisher publisher)
            throws PolicygenException, InterruptedException;

    /** Resumes the ledger's unfinished order when the CA can still finish it; records a new one there. */
    default IssuedCertificate issue(OrderRequest request, ChallengePublisher publisher, OrderLedger ledger)
            throws PolicygenException, InterruptedException {
        return issue(request, publisher);
    }

    Optional<RenewalWindow> renewalInfo(X509Certificate certificate) throws PolicygenException;

    static CertificateIssuer of(AcmeClient client) {
        return new CertificateIssuer() {
            @Override
            public IssuedCertificate issue(OrderRequest request, ChallengePublisher publisher)
                    throws PolicygenException, InterruptedException {
                return client.issue(request, publisher);
            }

            @Override
            public IssuedCertificate issue(OrderRequest request, ChallengePublisher publisher, OrderLedger ledger)
                    throws PolicygenException, InterruptedException {
                return client.issue(request, publisher, ledger);
            }

            @Override
            public Optional<RenewalWindow> renewalInfo(X509Certificate certificate) throws PolicygenException {
                return client.renewalInfo(certificate);
            }
        };
    }
}
