package dev.policygen.sandbox.sts;

import java.time.Instant;
import java.util.List;

/**
 * The claims of a verified web-identity token that STS acts on: the issuer ({@code iss}, an https URL),
 * subject, audiences, expiry and authentication methods ({@code amr}, empty when the token has none).
 */
public record WebIdentityClaims(String issuer, String subject, List<String> audiences, Instant expiration,
        List<String> amr) {

    public WebIdentityClaims {
        audiences = List.copyOf(audiences);
        amr = List.copyOf(amr);
    }
}
