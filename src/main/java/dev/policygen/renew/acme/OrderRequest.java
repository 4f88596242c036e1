package dev.policygen.renew.acme;

import dev.policygen.renew.config.KeyType;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * What to order.
 *
 * @param names ASCII names, wildcards ({@code *.example.com}) allowed; the first becomes the CSR's CN
 * @param keyType the algorithm of the new certificate key
 * @param preferredChain the issuer CN (or subject CN) of the top certificate of the chain wanted
 * @param replaces the certificate being renewed, told to the CA when it offers ARI (RFC 9773)
 */
public record OrderRequest(List<String> names, KeyType keyType, Optional<String> preferredChain,
        Optional<X509Certificate> replaces) {
    public OrderRequest {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one name");
        }
    }
}
