package dev.policygen.aws;

import dev.policygen.AwsFailure;
import dev.policygen.InputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClient;
import software.amazon.awssdk.services.accessanalyzer.AccessAnalyzerClientBuilder;
import software.amazon.awssdk.services.accessanalyzer.model.AccessCheckPolicyType;
import software.amazon.awssdk.services.accessanalyzer.model.CheckNoNewAccessResponse;
import software.amazon.awssdk.services.accessanalyzer.model.CheckNoNewAccessResult;
import software.amazon.awssdk.services.accessanalyzer.model.PolicyType;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyRequest;
import software.amazon.awssdk.services.accessanalyzer.model.ValidatePolicyResponse;

/** {@link PolicyChecks} against the Access Analyzer API through the AWS SDK. */
public final class AccessAnalyzerChecks implements PolicyChecks {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final AccessAnalyzerClient client;
    private final String endpoint;

    private AccessAnalyzerChecks(AccessAnalyzerClient client, String endpoint) {
        this.client = client;
        this.endpoint = endpoint;
    }

    /** A client for the settings, once their credentials are known to resolve. */
    public static AccessAnalyzerChecks connect(AnalyzerSettings settings) throws AwsFailure, InputException {
        return connect(settings, SdkCredentials.resolved(settings.credentials(), new SdkStsCredentials.StsTarget(
                settings.region(), settings.endpoint(), Optional.empty()), System.getenv()));
    }

    /** With a provider chosen by the caller; tests use it to build a chain that finds nothing. */
    static AccessAnalyzerChecks connect(AnalyzerSettings settings, AwsCredentialsProvider credentials)
            throws AwsFailure, InputException {
        SdkCredentials.requirePresent(credentials, settings.credentials());
        AccessAnalyzerClientBuilder builder = AccessAnalyzerClient.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(READ_TIMEOUT)
                        .build())
                .overrideConfiguration(o -> o.retryStrategy(retryStrategy(settings.retry())));
        settings.endpoint().ifPresent(builder::endpointOverride);
        String endpoint = settings.endpoint().map(Object::toString)
                .orElse("access-analyzer." + settings.region() + ".amazonaws.com");
        return new AccessAnalyzerChecks(builder.build(), endpoint);
    }

    /**
     * The SDK's standard strategy (it knows which AWS errors are throttling or transient) with our
     * attempts and delays. The circuit breaker is off: one CLI run makes few calls, and a breaker
     * tripped by throttling would turn a wait into a failure.
     */
    static RetryStrategy retryStrategy(RetryPolicy policy) {
        return AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(policy.maxAttempts())
                .backoffStrategy(BackoffStrategy.exponentialDelay(policy.baseDelay(), policy.maxDelay()))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(policy.throttlingBaseDelay(),
                        policy.maxDelay()))
                .circuitBreakerEnabled(false)
                .build();
    }

    @Override
    public List<AnalyzerFinding> validate(String policyDocument) throws AwsFailure {
        List<AnalyzerFinding> findings = new ArrayList<>();
        String nextToken = null;
        try {
            do {
                ValidatePolicyResponse page = client.validatePolicy(ValidatePolicyRequest.builder()
                        .policyDocument(policyDocument)
                        .policyType(PolicyType.IDENTITY_POLICY)
                        .nextToken(nextToken)
                        .build());
                page.findings().forEach(f -> findings.add(SdkModels.finding(f)));
                nextToken = page.nextToken();
            } while (nextToken != null && !nextToken.isEmpty());
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "ValidatePolicy", endpoint);
        }
        return findings;
    }

    @Override
    public NoNewAccessResult checkNoNewAccess(String newPolicy, String existingPolicy) throws AwsFailure {
        CheckNoNewAccessResponse response;
        try {
            response = client.checkNoNewAccess(r -> r.newPolicyDocument(newPolicy)
                    .existingPolicyDocument(existingPolicy)
                    .policyType(AccessCheckPolicyType.IDENTITY_POLICY));
        } catch (SdkException e) {
            throw SdkFailures.translate(e, "CheckNoNewAccess", endpoint);
        }
        List<NoNewAccessResult.Reason> reasons = new ArrayList<>();
        response.reasons().forEach(r -> reasons.add(new NoNewAccessResult.Reason(String.valueOf(r.description()),
                Optional.ofNullable(r.statementIndex()), Optional.ofNullable(r.statementId()))));
        return new NoNewAccessResult(response.result() == CheckNoNewAccessResult.PASS,
                response.message() == null ? "" : response.message(), reasons);
    }

    @Override
    public void close() {
        client.close();
    }
}
