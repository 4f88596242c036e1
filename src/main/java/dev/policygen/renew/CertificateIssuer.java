package dev.policygen.renew;

import dev.policygen.PolicygenException;
import dev.policygen.renew.acme.AcmeClient;
import dev.policygen.renew.acme.ChallengePublisher;
import dev.policygen.renew.acme.IssuedCertificate;
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

    Optional<RenewalWindow> renewalInfo(X509Certificate certificate) throws PolicygenException;

    static CertificateIssuer of(AcmeClient client) {
        return new CertificateIssuer() {
            @Override
            public IssuedCertificate issue(OrderRequest request, ChallengePublisher publisher)
                    throws PolicygenException, InterruptedException {
                return client.issue(request, publisher);
            }

            @Override
            public Optional<RenewalWindow> renewalInfo(X509Certificate certificate) throws PolicygenException {
                return client.renewalInfo(certificate);
            }
        };
    }
}
