package dev.policygen.renew.acme;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Picks the chain whose top certificate was issued by (or is) the CA named in the preferred-chain
 * option, as certbot and lego match it; the CA's default chain when none matches or none is wanted.
 */
final class ChainChoice {
    private ChainChoice() {
    }

    /** @param chains the default chain first, then the alternates, each leaf first */
    static List<X509Certificate> pick(List<List<X509Certificate>> chains, Optional<String> preferred) {
        if (preferred.isPresent()) {
            for (List<X509Certificate> chain : chains) {
                X509Certificate top = chain.get(chain.size() - 1);
                if (commonName(top.getIssuerX500Principal()).filter(preferred.get()::equals).isPresent()
                        || commonName(top.getSubjectX500Principal()).filter(preferred.get()::equals).isPresent()) {
                    return chain;
                }
            }
        }
        return chains.get(0);
    }

    static Optional<String> commonName(X500Principal principal) {
        RDN[] names = X500Name.getInstance(principal.getEncoded()).getRDNs(BCStyle.CN);
        return names.length == 0 ? Optional.empty()
                : Optional.of(IETFUtils.valueToString(names[0].getFirst().getValue()));
    }
}
