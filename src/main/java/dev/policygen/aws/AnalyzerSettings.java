package dev.policygen.aws;

import java.net.URI;
import java.util.Optional;

/** Everything needed to reach Access Analyzer, without naming an SDK type. */
public record AnalyzerSettings(String region, Optional<URI> endpoint, CredentialSource credentials,
        RetryPolicy retry) {

    public AnalyzerSettings withCredentials(CredentialSource value) {
        return new AnalyzerSettings(region, endpoint, value, retry);
    }

    public AnalyzerSettings withRetry(RetryPolicy value) {
        return new AnalyzerSettings(region, endpoint, credentials, value);
    }
}
