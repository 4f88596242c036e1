package dev.policygen.aws;

import dev.policygen.AwsFailure;
import dev.policygen.InputException;
import dev.policygen.UsageException;
import dev.policygen.renew.cloud.AcmCertificates;
import dev.policygen.renew.cloud.AwsServices;
import dev.policygen.renew.cloud.HostedZones;
import dev.policygen.renew.cloud.LoadBalancers;
import dev.policygen.renew.cloud.ObjectStore;
import dev.policygen.renew.cloud.RoleSessionGate;
import dev.policygen.renew.cloud.ServerCertificates;
import dev.policygen.renew.cloud.Topics;
import dev.policygen.renew.cloud.ZoneRole;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.TrustManager;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.elasticloadbalancing.ElasticLoadBalancingClient;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The renewer's AWS services through the AWS SDK. Each client is built when its first request is
 * made, so a run that only touches Route 53 builds one client. The SDK never retries: the renewer
 * retries with its own backoff and rate limit, and counts every request it sends.
 */
public final class SdkAwsServices implements AwsServices {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final Settings settings;
    private final AwsCredentialsProvider credentials;
    private final List<SdkAutoCloseable> built = new ArrayList<>();
    /** How many requests the warm-up took to the wire and stopped there, for tests. */
    volatile int warmedUp;
    private final Lazy<Route53Client> route53 = new Lazy<>(this::route53Client);
    private final Lazy<IamClient> iam = new Lazy<>(this::iamClient);
    private final Lazy<ElasticLoadBalancingClient> elb = new Lazy<>(() -> configure(ElasticLoadBalancingClient.builder(),
            regional()).build());
    private final Lazy<ElasticLoadBalancingV2Client> elbv2 = new Lazy<>(() -> configure(
            ElasticLoadBalancingV2Client.builder(), regional()).build());
    private final Lazy<AcmClient> acm = new Lazy<>(() -> configure(AcmClient.builder(), regional()).build());
    private final Lazy<S3Client> s3 = new Lazy<>(this::s3Client);
    private final Map<String, Lazy<SnsClient>> sns = new java.util.concurrent.ConcurrentHashMap<>();
    /** One session and Route 53 client per zone role, for the zones in other accounts. */
    private final Map<ZoneRole, Route53Client> roleClients = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param roleSession how long a zone role's session is asked for; empty for STS's default hour
     * @param rolePrefetch how long before its expiry the SDK renews a zone role's session; empty for the SDK's
     */
    private record Settings(String region, Optional<URI> endpoint, Optional<TrustManager[]> trust,
            Optional<Duration> roleSession, Optional<Duration> rolePrefetch) {
    }

    private SdkAwsServices(Settings settings, AwsCredentialsProvider credentials) {
        this.settings = settings;
        this.credentials = credentials;
    }

    public static Builder builder(CredentialSource credentials) {
        return new Builder(credentials);
    }

    /** AWS_REGION, else AWS_DEFAULT_REGION (the AWS CLI's), else us-east-1. */
    public static String defaultRegion(Map<String, String> environment) {
        for (String name : List.of("AWS_REGION", "AWS_DEFAULT_REGION")) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return "us-east-1";
    }

    /**
     * The endpoint for every service: {@code option} (--aws-endpoint) when given, else the environment's
     * AWS_ENDPOINT_URL; empty for AWS's own endpoints.
     */
    public static Optional<URI> endpoint(String option, Map<String, String> environment) throws UsageException {
        String text = option != null ? option : environment.get("AWS_ENDPOINT_URL");
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String what = option != null ? "--aws-endpoint" : "AWS_ENDPOINT_URL";
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (java.net.URISyntaxException e) {
            throw new UsageException(text, what + " takes an http:// or https:// URL, not \"" + text + "\"");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new UsageException(text, what + " takes an http:// or https:// URL, not \"" + text + "\"");
        }
        return Optional.of(uri);
    }

    @Override
    public HostedZones hostedZones() {
        return new SdkHostedZones(route53::get);
    }

    @Override
    public synchronized HostedZones hostedZonesAs(ZoneRole role, RoleSessionGate gate) throws AwsFailure {
        Route53Client client = roleClients.get(role);
        if (client == null) {
            AwsCredentialsProvider session = SdkStsCredentials.assumeRole(new SdkStsCredentials.RoleLink(
                    role.roleArn(), role.externalId(), role.sessionName(), settings.roleSession(),
                    "renew config roleArn", "externalId"), credentials, new SdkStsCredentials.StsTarget(
                    settings.region(), settings.endpoint(), settings.trust()), Optional.of(gate),
                    settings.rolePrefetch());
            try {
                session.resolveCredentials();
            } catch (RuntimeException e) {
                if (RoleSessionGate.Refused.in(e).isPresent()) {
                    throw RoleSessionGate.Refused.in(e).get();
                }
                java.util.Optional<SdkStsCredentials.LinkFailure> link = SdkStsCredentials.LinkFailure.in(e);
                if (link.isPresent() && link.get().failure() instanceof AwsFailure failure) {
                    throw failure;
                }
                throw new AwsFailure(AwsFailure.Kind.SERVICE_ERROR, "AssumeRole of " + role.roleArn() + ": "
                        + SdkFailures.oneLine(String.valueOf(e.getMessage())), e);
            }
            client = configure(Route53Client.builder(), global(), List.of(), session).build();
            roleClients.put(role, client);
            built.add(client);
            if (session instanceof SdkAutoCloseable closeable) {
                built.add(closeable);
            }
        }
        Route53Client chosen = client;
        return new SdkHostedZones(() -> chosen);
    }

    @Override
    public ServerCertificates serverCertificates() {
        return new SdkServerCertificates(iam::get);
    }

    @Override
    public LoadBalancers loadBalancers() {
        return new SdkLoadBalancers(elb::get, elbv2::get);
    }

    @Override
    public AcmCertificates acm() {
        return new SdkAcmCertificates(acm::get);
    }

    @Override
    public ObjectStore objects() {
        return new SdkObjectStore(s3::get);
    }

    @Override
    public Topics topics() {
        return new SdkTopics(region -> sns.computeIfAbsent(region,
                r -> new Lazy<>(() -> configure(SnsClient.builder(), Region.of(r)).build())).get(), settings.region());
    }

    @Override
    public String region() {
        return settings.region();
    }

    /** Closes the clients built so far; a later request would build a new one, so don't make any. */
    @Override
    public synchronized void close() {
        for (SdkAutoCloseable client : built) {
            client.close();
        }
        built.clear();
        roleClients.clear();
        if (credentials instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }

    /** How many clients have been built, for tests of the laziness. */
    synchronized int clientsBuilt() {
        return built.size();
    }

    private Route53Client route53Client() {
        return configure(Route53Client.builder(), global(), List.of(new Route53WarmUp())).build();
    }

    /**
     * Builds the Route 53 client now and takes each of the renewer's Route 53 requests through the SDK up
     * to the wire without sending it ({@link Route53WarmUp}), on a daemon thread, so the first real request
     * is not slowed by the SDK's cold start. Call it before slow work that needs no AWS (the ACME login);
     * a request made meanwhile waits only for the client, not for the warm-up. Returns the thread.
     */
    public Thread warmUpRoute53() {
        Thread thread = new Thread(() -> {
            try {
                warmedUp = Route53WarmUp.run(route53.get());
            } catch (RuntimeException e) {
                // only a head start: the first real request reports whatever is wrong
            }
        }, "route53-warm-up");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private IamClient iamClient() {
        return configure(IamClient.builder(), global()).build();
    }

    private S3Client s3Client() {
        // path-style, because an emulator's endpoint has no bucket subdomains; no aws-chunked bodies
        // and checksums only where S3 requires them, so PutObject sends the key as a plain body that
        // any S3-compatible endpoint accepts (the payload hash is then signed whole, or UNSIGNED over TLS)
        return configure(S3Client.builder(), regional())
                .forcePathStyle(settings.endpoint().isPresent())
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    private Region regional() {
        return Region.of(settings.region());
    }

    /**
     * Route 53 and IAM are global: AWS signs them for us-east-1 in the commercial partition. With an
     * endpoint override the SDK would sign for "aws-global", which AWS and the sandbox refuse.
     */
    private Region global() {
        return globalRegion(settings.region(), settings.endpoint().isPresent());
    }

    static Region globalRegion(String region, boolean endpointOverride) {
        if (endpointOverride) {
            return Region.US_EAST_1;
        }
        if (region.startsWith("cn-")) {
            return Region.AWS_CN_GLOBAL;
        }
        if (region.startsWith("us-gov-")) {
            return Region.AWS_US_GOV_GLOBAL;
        }
        return Region.AWS_GLOBAL;
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(B builder, Region region) {
        return configure(builder, region, List.of());
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(B builder, Region region,
            List<ExecutionInterceptor> interceptors) {
        return configure(builder, region, interceptors, credentials);
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(B builder, Region region,
            List<ExecutionInterceptor> interceptors, AwsCredentialsProvider signer) {
        UrlConnectionHttpClient.Builder http = UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(READ_TIMEOUT);
        settings.trust().ifPresent(trust -> http.tlsTrustManagersProvider(() -> trust));
        builder.region(region)
                .credentialsProvider(signer)
                .httpClientBuilder(http)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(CALL_TIMEOUT).executionInterceptors(interceptors));
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder;
    }

    /** Builds a client on first use and remembers it for {@link #close()}. */
    private final class Lazy<T extends SdkAutoCloseable> implements Supplier<T> {
        private final Supplier<T> factory;
        private T value;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        @Override
        public T get() {
            synchronized (SdkAwsServices.this) {
                if (value == null) {
                    value = factory.get();
                    built.add(value);
                }
                return value;
            }
        }
    }

    /** Settings of {@link SdkAwsServices}; only the credentials are required. */
    public static final class Builder {
        private final CredentialSource credentials;
        private String region;
        private URI endpoint;
        private Path extraCa;
        private Duration roleSession;
        private Duration rolePrefetch;

        private Builder(CredentialSource credentials) {
            this.credentials = credentials;
        }

        /** The region of ELB, ELBv2, ACM and S3; by default {@link #defaultRegion} of the environment. */
        public Builder region(String value) {
            this.region = value;
            return this;
        }

        /**
         * One endpoint for every service (the sandbox); S3 is then addressed path-style. Pass
         * {@link SdkAwsServices#endpoint} of the option and environment: with none given here the SDK would
         * still read AWS_ENDPOINT_URL itself, but without path-style S3 and us-east-1 signing for Route 53 and IAM.
         */
        public Builder endpoint(Optional<URI> value) {
            this.endpoint = value.orElse(null);
            return this;
        }

        /** PEM CA certificates trusted for HTTPS besides the JDK's (an HTTPS sandbox, a TLS-inspecting proxy). */
        public Builder extraCa(Optional<Path> value) {
            this.extraCa = value.orElse(null);
            return this;
        }

        /**
         * Zone role sessions asked for {@code session} and renewed {@code prefetch} before they expire, instead of
         * STS's hour and the SDK's margins: for tests, which need the SDK to renew a session on its own within
         * seconds (a prefetch longer than the session renews it at every use). STS grants no session under 900
         * seconds, and the SDK's clock cannot be moved.
         */
        Builder roleSessions(Duration session, Duration prefetch) {
            this.roleSession = session;
            this.rolePrefetch = prefetch;
            return this;
        }

        /**
         * Resolves the credentials once, so that having none, or a role or token STS refuses, is reported before
         * any request.
         */
        public SdkAwsServices build() throws AwsFailure, InputException {
            Optional<TrustManager[]> trust = extraCa == null ? Optional.empty()
                    : Optional.of(SdkTrust.withExtraCa(extraCa));
            String chosen = region == null || region.isBlank() ? defaultRegion(System.getenv()) : region.strip();
            // STS (web identity, a profile's role_arn) is reached where the other services are
            AwsCredentialsProvider provider = SdkCredentials.resolved(credentials, new SdkStsCredentials.StsTarget(
                    chosen, Optional.ofNullable(endpoint), trust), System.getenv());
            return new SdkAwsServices(new Settings(chosen, Optional.ofNullable(endpoint), trust,
                    Optional.ofNullable(roleSession), Optional.ofNullable(rolePrefetch)), provider);
        }
    }
}
