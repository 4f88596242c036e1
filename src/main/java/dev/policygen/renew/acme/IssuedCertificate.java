package dev.policygen.renew.acme;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * A certificate as issued, with its new private key: the caller writes the key where it belongs.
 *
 * @param chain the leaf first, then the issuers up to the top the CA sent
 * @param certificatePem the leaf alone
 * @param chainPem the issuers without the leaf
 * @param fullchainPem the leaf and the issuers
 * @param privateKeyPem the new key as PKCS#8 PEM ({@code BEGIN PRIVATE KEY})
 */
public record IssuedCertificate(List<X509Certificate> chain, String certificatePem, String chainPem,
        String fullchainPem, String privateKeyPem, Instant notBefore, Instant notAfter) {
    public IssuedCertificate {
        chain = List.copyOf(chain);
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    /** Never prints the key: records end up in logs and exception messages. */
    @Override
    public String toString() {
        return "IssuedCertificate[subject=" + leaf().getSubjectX500Principal().getName() + ", serial="
                + leaf().getSerialNumber().toString(16) + ", notBefore=" + notBefore + ", notAfter=" + notAfter
                + ", chain=" + chain.size() + " certificates, privateKey=(not shown)]";
    }
}
