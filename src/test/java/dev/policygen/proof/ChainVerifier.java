package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a certificate a client wrote the way a relying party would: the JDK's PKIX validator
 * builds the path from the leaf through Pebble's intermediates to the root Pebble reports on its
 * management interface (revocation off: Pebble runs no OCSP here), and the leaf names exactly the
 * requested domains.
 */
public final class ChainVerifier {
    private ChainVerifier() {
    }

    static void assertValid(Path chainFile, PebbleServer pebble, List<String> domains) throws Exception {
        assertValid(PebbleServer.certificates(Files.readString(chainFile, StandardCharsets.US_ASCII)), pebble, domains);
    }

    /** @param chain the leaf first; a root in it is left out (the trust anchor comes from Pebble) */
    public static void assertValid(List<X509Certificate> chain, PebbleServer pebble, List<String> domains)
            throws Exception {
        List<X509Certificate> path = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                path.add(certificate);
            }
        }
        X509Certificate root = pebble.issuingRoot();
        X509Certificate last = path.get(path.size() - 1);
        if (!last.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
            path.addAll(pebble.intermediates()); // a leaf-only file: complete it from Pebble
        }
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);

        Set<String> named = new TreeSet<>();
        for (List<?> name : path.get(0).getSubjectAlternativeNames()) {
            if ((Integer) name.get(0) == 2) { // dNSName
                named.add((String) name.get(1));
            }
        }
        assertEquals(new TreeSet<>(domains), named, "the names on the issued certificate");
    }
}
