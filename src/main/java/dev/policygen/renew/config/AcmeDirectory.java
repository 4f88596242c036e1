package dev.policygen.renew.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** The ACME directory: Let's Encrypt's two by name, or any https URL (RFC 8555 section 6.1 requires HTTPS). */
public final class AcmeDirectory {
    public static final URI PRODUCTION = URI.create("https://acme-v02.api.letsencrypt.org/directory");
    public static final URI STAGING = URI.create("https://acme-staging-v02.api.letsencrypt.org/directory");

    private AcmeDirectory() {
    }

    /** {@code production}, {@code staging} or an absolute https URL with a host; empty when it is none. */
    public static Optional<URI> parse(String text) {
        String value = text.strip();
        if (value.equals("production")) {
            return Optional.of(PRODUCTION);
        }
        if (value.equals("staging")) {
            return Optional.of(STAGING);
        }
        try {
            URI uri = new URI(value);
            return "https".equals(uri.getScheme()) && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
