package dev.policygen.sandbox;

import dev.policygen.InputException;
import dev.policygen.OutputException;
import dev.policygen.UsageException;
import dev.policygen.route53.RecordNames;
import dev.policygen.sandbox.sts.OidcIssuer;
import dev.policygen.sandbox.sts.RoleDeclaration;
import dev.policygen.sandbox.sts.SandboxAccounts;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A local stand-in for Route 53 that real ACME clients can run against: the API emulator with
 * SigV4 checks and IAM authorization, a CONNECT proxy that intercepts TLS to the Route 53 hosts,
 * and an authoritative DNS server over the same records. The same port also emulates the calls a
 * certificate renewal makes to IAM server certificates, classic ELB, ELBv2, ACM and S3, held in
 * memory ({@link #aws()}). Everything listens on 127.0.0.1 and nothing connects out. Built with
 * {@link #builder()}, started with {@link #start()}; the parts are wired in {@link RunningSandbox}.
 */
public final class Sandbox implements Closeable {
    public static final String DEFAULT_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    public static final String DEFAULT_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    public static final String DEFAULT_PRINCIPAL_ARN = "arn:aws:iam::123456789012:user/policygen-sandbox";

    private final SandboxSettings settings;
    private RunningSandbox running;

    private Sandbox(SandboxSettings settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds every listener and starts serving; the ports are then known.
     *
     * @throws OutputException when the state directory, call log or ports file cannot be used
     */
    public synchronized Sandbox start() throws IOException, InputException, OutputException, UsageException {
        if (running != null) {
            throw new IllegalStateException("the sandbox is already started");
        }
        running = RunningSandbox.start(settings, credentials());
        return this;
    }

    public synchronized SandboxPorts ports() {
        return started().ports();
    }

    /** The record store the API and DNS serve, for embedding code that seeds or inspects records. */
    public synchronized RecordStore records() {
        return started().records();
    }

    /** The IAM, ELB, ELBv2, ACM and S3 resources the API serves, for embedding code to inspect. */
    public synchronized AwsResources aws() {
        return started().aws();
    }

    private RunningSandbox started() {
        if (running == null) {
            throw new IllegalStateException("the sandbox is not started");
        }
        return running;
    }

    public List<AwsResources.ServerCertificate> serverCertificates() {
        return aws().serverCertificates();
    }

    /** The certificate ARN a classic load balancer's listener serves, if the listener exists and has one. */
    public Optional<String> listenerCertificate(String loadBalancerName, int port) {
        return aws().classicLoadBalancer(loadBalancerName).map(lb -> lb.listeners().get(port))
                .map(AwsResources.ClassicListener::certificateArn);
    }

    /** The default certificate ARN of an ELBv2 listener, if it exists and has one. */
    public Optional<String> listenerCertificate(String listenerArn) {
        return aws().elbv2Listener(listenerArn).map(AwsResources.Elbv2Listener::certificateArn);
    }

    public Optional<AwsResources.AcmCertificate> acmCertificate(String arn) {
        return aws().acmCertificate(arn);
    }

    /** An S3 object's bytes. */
    /** The messages SNS Publish accepted, in order. */
    public List<AwsResources.PublishedMessage> publishedMessages() {
        return aws().published();
    }

    public Optional<byte[]> object(String bucket, String key) {
        return aws().object(bucket, key).map(AwsResources.StoredObject::data);
    }

    /**
     * A web-identity token from the sandbox's OIDC issuer, as a Kubernetes projected token: for
     * {@code subject} and {@code audience}, issued at {@code issuedAt} and valid for {@code lifetime}.
     */
    public String webIdentityToken(String subject, String audience, Instant issuedAt, Duration lifetime) {
        return started().issuer().token(subject, audience, issuedAt, lifetime);
    }

    /** The OIDC issuer's host: trust policies name {@code arn:aws:iam::ACCOUNT:oidc-provider/HOST}. */
    public String oidcIssuerHost() {
        return settings.identities().oidcHost();
    }

    /** Where API calls are logged, if anywhere. */
    public Optional<Path> callLogFile() {
        return Optional.ofNullable(settings.callLog());
    }

    /** The key pairs the API accepts, in the order given; AWS's example pair when none was. */
    public Map<String, String> credentials() {
        return settings.credentials().isEmpty() ? Map.of(DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY)
                : settings.credentials();
    }

    /**
     * Stops every listener; the CA and state stay in a state directory, a temporary one is removed.
     * A sandbox that failed to start has already stopped what it had started.
     */
    @Override
    public synchronized void close() throws IOException {
        if (running != null) {
            running.close();
        }
    }

    /** Settings of a sandbox; every port defaults to 0, an ephemeral port. */
    public static final class Builder {
        private int apiPort;
        private int proxyPort;
        private int dnsPort;
        private final Map<String, String> zones = new LinkedHashMap<>();
        private final Map<String, String> credentials = new LinkedHashMap<>();
        private final List<Path> policies = new ArrayList<>();
        private String principalArn = DEFAULT_PRINCIPAL_ARN;
        private Path stateDir;
        private Path callLog;
        private Path portsFile;
        private FaultSettings faults = FaultSettings.NONE;
        private Duration insyncDelay = Duration.ZERO;
        private long seed = 1;
        private PrintWriter console;
        private boolean legacyInvalidChangeBatch;
        private Integer httpsPort;
        private URI forwardTo;
        private Path forwardCa;
        private final AwsSeed awsSeed = new AwsSeed();
        private Clock clock = Clock.systemUTC();
        private final Map<String, List<Path>> accountScps = new LinkedHashMap<>();
        private final Map<String, RoleDeclaration> roles = new LinkedHashMap<>();
        private final Map<String, String> zoneAccounts = new LinkedHashMap<>();
        private String oidcHost = OidcIssuer.DEFAULT_HOST;
        private List<String> oidcAudiences = OidcIssuer.DEFAULT_AUDIENCES;

        private Builder() {
        }

        /**
         * A hosted zone that belongs to {@code account} rather than to the static user's; only principals
         * of that account (a role there) can reach it, as on AWS.
         */
        public Builder zone(String name, String id, String account) {
            zone(name, id);
            zoneAccounts.put(RecordNames.normalize(name), SandboxAccounts.checkAccount(account));
            return this;
        }

        /** The SCP files of an account, each one organisation level that must allow; repeatable per account. */
        public Builder accountScps(String account, List<Path> scps) {
            accountScps.computeIfAbsent(SandboxAccounts.checkAccount(account), a -> new ArrayList<>()).addAll(scps);
            return this;
        }

        /** A role STS can hand out sessions of; a later declaration of the same ARN replaces an earlier one. */
        public Builder role(RoleDeclaration role) {
            roles.put(SandboxAccounts.checked(role).arn(), role);
            return this;
        }

        /**
         * The host of the sandbox's OIDC issuer (tokens' {@code iss} is {@code https://HOST}; trust policies
         * name {@code arn:aws:iam::ACCOUNT:oidc-provider/HOST}) and the audiences its provider accepts.
         */
        public Builder oidc(String host, List<String> audiences) {
            this.oidcHost = OidcIssuer.checkHost(host);
            if (audiences.isEmpty()) {
                throw new IllegalArgumentException("the OIDC provider needs at least one audience");
            }
            this.oidcAudiences = List.copyOf(audiences);
            return this;
        }

        /**
         * A classic load balancer with HTTPS listeners on the given ports (to instance port 80), all
         * serving {@code certificateArn} (null: none yet).
         */
        public Builder classicLoadBalancer(String name, String certificateArn, int... httpsPorts) {
            awsSeed.classicLoadBalancer(name, certificateArn, httpsPorts);
            return this;
        }

        /** An HTTPS ELBv2 listener on port 443 with a default certificate (null: none yet). */
        public Builder elbv2Listener(String listenerArn, String certificateArn) {
            awsSeed.elbv2Listener(listenerArn, certificateArn);
            return this;
        }

        /** An SNS topic Publish accepts messages for (renew --notify sns:ARN). */
        public Builder topic(String arn) {
            awsSeed.topic(arn);
            return this;
        }

        public Builder bucket(String name) {
            awsSeed.bucket(name);
            return this;
        }

        /** An S3 object, in a bucket created for it if need be. */
        public Builder object(String bucket, String key, byte[] data) {
            awsSeed.object(bucket, key, data);
            return this;
        }

        /** Also serve the API over HTTPS on this port (0: a free one); off unless asked for. */
        public Builder httpsPort(int port) {
            this.httpsPort = SettingChecks.port(port);
            return this;
        }

        /**
         * Forward mode: requests tunnelled through the proxy go to {@code upstream} (an https URL)
         * exactly as sent, signed by the client's own credentials, and are logged with the upstream's
         * status instead of being answered here.
         *
         * @param extraCa PEM certificates to trust for the upstream besides the JDK's, or null
         */
        public Builder forward(URI upstream, Path extraCa) {
            this.forwardTo = SettingChecks.upstream(upstream);
            this.forwardCa = extraCa;
            return this;
        }

        public Builder apiPort(int port) {
            this.apiPort = SettingChecks.port(port);
            return this;
        }

        public Builder proxyPort(int port) {
            this.proxyPort = SettingChecks.port(port);
            return this;
        }

        public Builder dnsPort(int port) {
            this.dnsPort = SettingChecks.port(port);
            return this;
        }

        /** A hosted zone; a null id gets a stable one derived from the name. */
        public Builder zone(String name, String id) {
            zones.put(RecordNames.normalize(name), SettingChecks.zoneId(id));
            return this;
        }

        /**
         * A key pair the sandbox accepts; repeatable. Without any, it accepts AWS's documentation
         * example pair (DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY).
         */
        public Builder credentials(String accessKeyId, String secretAccessKey) {
            credentials.put(accessKeyId, secretAccessKey);
            return this;
        }

        public Builder policy(Path file) {
            policies.add(file);
            return this;
        }

        public Builder principalArn(String arn) {
            this.principalArn = SettingChecks.principalArn(arn);
            return this;
        }

        public Builder stateDir(Path directory) {
            this.stateDir = directory;
            return this;
        }

        public Builder callLog(Path file) {
            this.callLog = file;
            return this;
        }

        /** The call log set so far (by a config file or {@link #callLog}), or null. */
        public Path callLogFile() {
            return callLog;
        }

        public Builder portsFile(Path file) {
            this.portsFile = file;
            return this;
        }

        public Builder faults(FaultSettings faults) {
            this.faults = faults;
            return this;
        }

        /** How long a change stays PENDING before GetChange reports INSYNC. */
        public Builder insyncDelay(Duration delay) {
            this.insyncDelay = SettingChecks.notNegative(delay, "the INSYNC delay");
            return this;
        }

        /** Seeds the injected faults and the change ids. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Where a line per request and the proxy's refusals are written; none by default. */
        public Builder console(PrintWriter console) {
            this.console = console;
            return this;
        }

        /**
         * Answer InvalidChangeBatch with its own root element, as Route 53 did before 2024, instead of
         * the generic error envelope it uses now.
         */
        public Builder legacyInvalidChangeBatch(boolean legacy) {
            this.legacyInvalidChangeBatch = legacy;
            return this;
        }

        /**
         * The clock every emulated service reads: change submission and INSYNC times, upload and
         * import dates, the aws:CurrentTime of authorization, the call log's times, the throttle's
         * window. The system clock by default; tests pass one they advance.
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Sandbox build() {
            return new Sandbox(new SandboxSettings(apiPort, proxyPort, dnsPort, httpsPort,
                    Collections.unmodifiableMap(new LinkedHashMap<>(zones)),
                    Collections.unmodifiableMap(new LinkedHashMap<>(credentials)), List.copyOf(policies),
                    principalArn, stateDir, callLog, portsFile, faults, insyncDelay, seed, console,
                    legacyInvalidChangeBatch, forwardTo, forwardCa, awsSeed, clock,
                    new IdentitySettings(accountScps, List.copyOf(roles.values()), zoneAccounts, oidcHost,
                            oidcAudiences)));
        }
    }
}
