package dev.policygen.aws;

import dev.policygen.AwsFailure;
import dev.policygen.InputException;
import dev.policygen.PolicygenException;
import dev.policygen.io.InputFiles;
import dev.policygen.renew.cloud.RoleSessionGate;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.TrustManager;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleWithWebIdentityCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.utils.IoUtils;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The two credential sources that take a call to STS: a web identity (a role ARN and a token file, as EKS IRSA
 * injects them, or a profile's {@code web_identity_token_file}) and a role a profile names ({@code role_arn} with
 * {@code source_profile} or {@code credential_source}). The SDK builds both itself, but its STS client always goes
 * to AWS (or to AWS_ENDPOINT_URL_STS of the environment), never to the endpoint of the run (--aws-endpoint, the
 * sandbox), and a failure of its chain comes back as one message listing every provider. Built here, STS is reached
 * where the run's other clients go, with their timeouts and trusted CAs, and a failure is one line naming the link
 * that failed: the token file, the token, the role's trust (with the principal), the external id.
 */
final class SdkStsCredentials {
    /** How long a session lasts when the profile says nothing: STS's own default. */
    static final Duration DEFAULT_SESSION = Duration.ofHours(1);
    private static final Pattern CALLER = Pattern.compile("User: (\\S+) is not authorized");
    private static final Pattern SUBJECT = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"\\\\]*)\"");

    /** Where STS is: the run's region and endpoint (empty for AWS's regional STS) and extra trusted CAs. */
    record StsTarget(String region, Optional<URI> endpoint, Optional<TrustManager[]> trust) {
        /** Where the STS client sends its calls: without an endpoint here, the SDK honours the environment's. */
        String describe() {
            if (endpoint.isPresent()) {
                return endpoint.get().toString();
            }
            for (String variable : new String[] {"AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL"}) {
                String value = System.getenv(variable);
                if (value != null && !value.isBlank()) {
                    return value.strip() + " (" + variable + ")";
                }
            }
            return "sts." + region + ".amazonaws.com";
        }
    }

    /**
     * A role to assume and what its refusal messages say about where it came from; {@code externalIdKey} is the
     * setting that holds the external id there ({@code external_id} in a profile, {@code externalId} in a renew
     * config).
     */
    record RoleLink(String roleArn, Optional<String> externalId, Optional<String> sessionName,
            Optional<Duration> duration, String origin, String externalIdKey) {
        RoleLink(String roleArn, Optional<String> externalId, Optional<String> sessionName,
                Optional<Duration> duration, String origin) {
            this(roleArn, externalId, sessionName, duration, origin, "external_id");
        }
    }

    private SdkStsCredentials() {
    }

    /**
     * AssumeRoleWithWebIdentity with the token read from {@code tokenFile} at every refresh (the kubelet rotates
     * it), sent unsigned as AWS takes it.
     *
     * @param origin where the settings came from, as messages name it ("AWS_ROLE_ARN", "profile ci")
     */
    static AwsCredentialsProvider webIdentity(String roleArn, Path tokenFile, Optional<String> sessionName,
            String origin, StsTarget target) {
        StsClient client = client(target).credentialsProvider(AnonymousCredentialsProvider.create()).build();
        String session = sessionName.orElseGet(SdkStsCredentials::defaultSessionName);
        Supplier<AssumeRoleWithWebIdentityRequest> request = () -> AssumeRoleWithWebIdentityRequest.builder()
                .roleArn(roleArn).roleSessionName(session).webIdentityToken(readToken(tokenFile, origin)).build();
        StsAssumeRoleWithWebIdentityCredentialsProvider provider = StsAssumeRoleWithWebIdentityCredentialsProvider
                .builder().stsClient(client).refreshRequest(request).build();
        return new Link(provider, client, e -> webIdentityFailure(e, roleArn, tokenFile, origin, target));
    }

    /** AssumeRole with {@code source}'s credentials, refreshed before they expire. */
    static AwsCredentialsProvider assumeRole(RoleLink role, AwsCredentialsProvider source, StsTarget target) {
        return assumeRole(role, source, target, Optional.empty(), Optional.empty());
    }

    /**
     * The same, with every AssumeRole (the first and each refresh) put to {@code gate} before it is sent.
     *
     * @param prefetch how long before expiry the SDK takes the session for stale and renews it before use; empty
     *     for the SDK's margins (tests give more than the session lasts, so that every use renews it)
     */
    static AwsCredentialsProvider assumeRole(RoleLink role, AwsCredentialsProvider source, StsTarget target,
            Optional<RoleSessionGate> gate, Optional<Duration> prefetch) {
        Optional<GuardedStsRequests> guarded = gate.map(GuardedStsRequests::new);
        StsClientBuilder builder = client(target).credentialsProvider(source);
        guarded.ifPresent(g -> builder.overrideConfiguration(o -> o.apiCallTimeout(SdkAwsServices.CALL_TIMEOUT)
                .addExecutionInterceptor(g)));
        StsClient client = builder.build();
        AssumeRoleRequest.Builder request = AssumeRoleRequest.builder().roleArn(role.roleArn())
                .roleSessionName(role.sessionName().orElseGet(SdkStsCredentials::defaultSessionName))
                .durationSeconds((int) role.duration().orElse(DEFAULT_SESSION).toSeconds());
        role.externalId().ifPresent(request::externalId);
        StsAssumeRoleCredentialsProvider.Builder provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(client).refreshRequest(request.build());
        prefetch.ifPresent(p -> provider.prefetchTime(p).staleTime(p));
        return new Link(provider.build(), client, e -> assumeRoleFailure(e, role, target), source,
                guarded.orElse(null));
    }

    private static StsClientBuilder client(StsTarget target) {
        UrlConnectionHttpClient.Builder http = UrlConnectionHttpClient.builder()
                .connectionTimeout(SdkAwsServices.CONNECT_TIMEOUT).socketTimeout(SdkAwsServices.READ_TIMEOUT);
        target.trust().ifPresent(trust -> http.tlsTrustManagersProvider(() -> trust));
        StsClientBuilder builder = StsClient.builder().region(Region.of(target.region())).httpClientBuilder(http)
                .overrideConfiguration(o -> o.apiCallTimeout(SdkAwsServices.CALL_TIMEOUT));
        target.endpoint().ifPresent(builder::endpointOverride);
        return builder;
    }

    static String defaultSessionName() {
        return "policygen-" + System.currentTimeMillis();
    }

    private static String readToken(Path tokenFile, String origin) {
        try {
            return InputFiles.read(tokenFile, "web identity token file (" + origin + ")").strip();
        } catch (InputException e) {
            throw new LinkFailure(e);
        }
    }

    private static PolicygenException webIdentityFailure(SdkException e, String roleArn, Path tokenFile,
            String origin, StsTarget target) {
        if (!(e instanceof AwsServiceException service)) {
            return unreachable(e, "AssumeRoleWithWebIdentity for " + roleArn, target);
        }
        String code = SdkFailures.code(e);
        String reported = reported(service);
        String subject = subject(tokenFile).map(s -> " (sub " + s + ")").orElse("");
        String message;
        if ("AccessDenied".equals(code)) {
            message = "the trust policy of role " + roleArn + " refused the web identity in " + tokenFile + subject
                    + " (" + origin + "): " + reported;
        } else {
            message = "STS rejected the web identity token in " + tokenFile + subject + " (" + origin
                    + ") for role " + roleArn + ": " + reported;
        }
        return new AwsFailure(SdkFailures.kind(code, service.statusCode()) == AwsFailure.Kind.SERVICE_ERROR
                ? AwsFailure.Kind.ACCESS_DENIED : SdkFailures.kind(code, service.statusCode()), code,
                service.statusCode(), message, e);
    }

    private static PolicygenException assumeRoleFailure(SdkException e, RoleLink role, StsTarget target) {
        if (!(e instanceof AwsServiceException service)) {
            return unreachable(e, "AssumeRole for " + role.roleArn(), target);
        }
        String code = SdkFailures.code(e);
        String reported = reported(service);
        String message;
        if ("AccessDenied".equals(code)) {
            Matcher caller = CALLER.matcher(reported);
            String principal = caller.find() ? caller.group(1) : "the source credentials";
            message = "the trust policy of role " + role.roleArn() + " refused " + principal + " (" + role.origin()
                    + (role.externalId().isPresent() ? ", " + role.externalIdKey() + " sent"
                            : "; no " + role.externalIdKey() + " was sent: if the trust requires sts:ExternalId, set "
                                    + role.externalIdKey())
                    + "): " + reported;
        } else {
            message = "STS refused AssumeRole of " + role.roleArn() + " (" + role.origin() + "): " + reported;
        }
        return new AwsFailure(SdkFailures.kind(code, service.statusCode()), code, service.statusCode(), message, e);
    }

    private static AwsFailure unreachable(SdkException e, String call, StsTarget target) {
        return new AwsFailure(AwsFailure.Kind.UNREACHABLE, null, 0, "cannot reach STS at " + target.describe()
                + " (" + call + "): " + SdkFailures.oneLine(String.valueOf(e.getMessage())), e);
    }

    private static String reported(AwsServiceException service) {
        String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
        String detail = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorMessage();
        return (code == null ? "HTTP " + service.statusCode() : code)
                + (detail == null || detail.isBlank() ? "" : ": " + SdkFailures.oneLine(detail));
    }

    /** The token's {@code sub} claim, unverified, only to name the principal in a refusal. */
    static Optional<String> subject(Path tokenFile) {
        try {
            String[] parts = InputFiles.read(tokenFile, "").strip().split("\\.");
            if (parts.length != 3) {
                return Optional.empty();
            }
            Matcher sub = SUBJECT.matcher(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return sub.find() ? Optional.of(sub.group(1)) : Optional.empty();
        } catch (InputException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Carries a policygen failure out of the SDK's provider interface, which throws only unchecked exceptions. */
    static final class LinkFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient PolicygenException failure;

        LinkFailure(PolicygenException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }

        PolicygenException failure() {
            return failure;
        }

        /** The first link failure in {@code e}'s causes: the innermost link that failed reports itself first. */
        static Optional<LinkFailure> in(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof LinkFailure link) {
                    return Optional.of(link);
                }
            }
            return Optional.empty();
        }
    }

    /** A provider that names its link when it fails, and closes its STS client and its source. */
    private static final class Link implements AwsCredentialsProvider, SdkAutoCloseable {
        private final AwsCredentialsProvider provider;
        private final StsClient client;
        private final java.util.function.Function<SdkException, PolicygenException> failure;
        private final AwsCredentialsProvider source;
        /** The guard's hold on this session's AssumeRole requests; null for a link of the run's own chain. */
        private final GuardedStsRequests guarded;

        Link(AwsCredentialsProvider provider, StsClient client,
                java.util.function.Function<SdkException, PolicygenException> failure) {
            this(provider, client, failure, null, null);
        }

        Link(AwsCredentialsProvider provider, StsClient client,
                java.util.function.Function<SdkException, PolicygenException> failure, AwsCredentialsProvider source) {
            this(provider, client, failure, source, null);
        }

        Link(AwsCredentialsProvider provider, StsClient client,
                java.util.function.Function<SdkException, PolicygenException> failure, AwsCredentialsProvider source,
                GuardedStsRequests guarded) {
            this.provider = provider;
            this.client = client;
            this.failure = failure;
            this.source = source;
            this.guarded = guarded;
        }

        @Override
        public AwsCredentials resolveCredentials() {
            if (guarded == null) {
                return resolve();
            }
            // a refused refresh fails this use and every later one, even when the SDK kept the old keys
            guarded.throwIfRefused();
            AwsCredentials credentials = resolve();
            guarded.throwIfRefused();
            return credentials;
        }

        private AwsCredentials resolve() {
            try {
                return provider.resolveCredentials();
            } catch (RuntimeException e) {
                Optional<RoleSessionGate.Refused> refused = RoleSessionGate.Refused.in(e);
                if (refused.isPresent()) {
                    throw refused.get();
                }
                Optional<LinkFailure> inner = LinkFailure.in(e);
                if (inner.isPresent()) {
                    throw inner.get();
                }
                if (e instanceof SdkException sdk) {
                    throw new LinkFailure(failure.apply(sdk));
                }
                throw e;
            }
        }

        @Override
        public void close() {
            IoUtils.closeIfCloseable(provider, null);
            client.close();
            IoUtils.closeIfCloseable(source, null);
        }
    }
}
