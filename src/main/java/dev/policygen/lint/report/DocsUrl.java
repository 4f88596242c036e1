package dev.policygen.lint.report;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Properties;

/**
 * The absolute URL this repository's files are published under, as the build wrote it from the pom's
 * {@code policygen.docs.url} into {@code sarif.properties}: SARIF's help links are made from it. Empty when
 * the build gave none, or gave something that is not an absolute http(s) URL ending in {@code /}, since a
 * relative helpUri is not SARIF 2.1.0.
 */
final class DocsUrl {
    private static final String RESOURCE = "sarif.properties";

    private DocsUrl() {
    }

    static Optional<URI> configured() {
        Properties properties = new Properties();
        try (InputStream in = DocsUrl.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            properties.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        return parse(properties.getProperty("docs.url", ""));
    }

    /** The base when {@code text} is an absolute http(s) URL ending in {@code /}; else empty. */
    static Optional<URI> parse(String text) {
        String value = text.strip();
        if (!value.endsWith("/")) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            return web && uri.isAbsolute() && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
