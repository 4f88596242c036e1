package dev.policygen.sandbox;

import dev.policygen.InputException;
import dev.policygen.UsageException;
import dev.policygen.io.AtomicFile;
import dev.policygen.io.Directories;
import dev.policygen.io.FileMode;
import dev.policygen.route53.RecordNames;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A local stand-in for Route 53 that real ACME clients can run against: the API emulator with
 * SigV4 checks and IAM authorization, a CONNECT proxy that intercepts TLS to the Route 53 hosts,
 * and an authoritative DNS server over the same records. The same port also emulates the calls a
 * certificate renewal makes to IAM server certificates, classic ELB, ELBv2, ACM and S3, held in
 * memory ({@link #aws()}). Everything listens on 127.0.0.1 and
 * nothing connects out. Built with {@link #builder()}, started with {@link #start()}.
 */
public final class Sandbox implements Closeable {
    public static final String DEFAULT_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    public static final String DEFAULT_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    public static final String DEFAULT_PRINCIPAL_ARN = "arn:aws:iam::123456789012:user/policygen-sandbox";

    private final Builder settings;
    private final List<Closeable> running = new ArrayList<>();
    private RecordStore store;
    private AwsResources aws;
    private SandboxPorts ports;
    private Path temporaryDirectory;

    private Sandbox(Builder settings) {
        this.settings = settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds every listener and starts serving; the ports are then known. */
    public synchronized Sandbox start() throws IOException, InputException, UsageException {
        if (ports != null) {
            throw new IllegalStateException("the sandbox is already started");
        }
        boolean started = false;
        try {
            Path directory = settings.stateDir;
            if (directory == null) {
                temporaryDirectory = Files.createTempDirectory("policygen-sandbox-");
                directory = temporaryDirectory;
            }
            Files.createDirectories(directory);
            StateFile stateFile = settings.stateDir == null ? null : new StateFile(directory.resolve("state.json"));
            store = new RecordStore(stateFile, settings.seed);
            if (stateFile != null) {
                stateFile.load(store);
            }
            for (Map.Entry<String, String> zone : settings.zones.entrySet()) {
                try {
                    store.addZone(zone.getKey(), zone.getValue());
                } catch (IllegalArgumentException e) {
                    throw new UsageException(zone.getKey(), e.getMessage());
                }
            }
            store.save();
            CertificateAuthority authority;
            try {
                authority = CertificateAuthority.inDirectory(directory);
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot create the sandbox CA: " + e.getMessage(), e);
            }
            CallLog callLog = settings.callLog == null ? null : CallLog.open(settings.callLog);
            if (callLog != null) {
                running.add(callLog);
            }
            Clock clock = Clock.systemUTC();
            SigV4Verifier verifier = new SigV4Verifier(credentials());
            RequestAuthorizer authorizer = new RequestAuthorizer(RequestAuthorizer.evaluator(settings.policies),
                    settings.principalArn);
            FaultInjector faults = new FaultInjector(settings.faults, settings.seed);
            Route53Endpoint route53 = new Route53Endpoint(verifier, authorizer, faults,
                    new Route53Api(store, clock, settings.insyncDelay), callLog, settings.console, clock,
                    settings.legacyInvalidChangeBatch);
            aws = new AwsResources();
            AwsStateFile awsState = settings.stateDir == null ? null : new AwsStateFile(directory.resolve("aws-state.json"));
            if (awsState != null) {
                awsState.load(aws);
            }
            settings.awsSeed.apply(aws, clock.instant());
            if (awsState != null) {
                awsState.write(aws);
            }
            ServiceRouter endpoint = new ServiceRouter(route53, AwsServiceEndpoint.create(verifier, authorizer, faults,
                    aws, awsState, callLog, settings.console, clock));
            TcpListener api = new TcpListener("api", settings.apiPort,
                    socket -> HttpConnection.serve(socket, socket.getInputStream(), null, endpoint, false, null));
            running.add(api);
            Forwarder forwarder = null;
            if (settings.forwardTo != null) {
                try {
                    forwarder = Forwarder.to(settings.forwardTo, settings.forwardCa, callLog, settings.principalArn,
                            clock);
                } catch (GeneralSecurityException e) {
                    throw new InputException(String.valueOf(settings.forwardCa), "cannot trust the upstream's CA: "
                            + e.getMessage(), e);
                }
            }
            ConnectProxy proxy = new ConnectProxy(authority, endpoint, settings.console, forwarder);
            TcpListener proxyListener = new TcpListener("proxy", settings.proxyPort, proxy::serve);
            running.add(proxyListener);
            int httpsPort = 0;
            if (settings.httpsPort != null) {
                TcpListener https = new TcpListener("https", settings.httpsPort,
                        socket -> HttpsEndpoint.serve(socket, authority, endpoint));
                running.add(https);
                httpsPort = https.port();
            }
            DnsServer dns = new DnsServer(settings.dnsPort, new DnsAnswers(store));
            running.add(dns);
            ports = new SandboxPorts(api.port(), proxyListener.port(), dns.port(), authority.certificateFile(),
                    httpsPort);
            if (settings.portsFile != null) {
                // whole or absent: whoever waits for the file reads it as soon as it appears
                AtomicFile.replace(settings.portsFile, ports.json().getBytes(StandardCharsets.UTF_8),
                        FileMode.UMASK_DEFAULT);
            }
            started = true;
            return this;
        } finally {
            if (!started) {
                close();
            }
        }
    }

    public synchronized SandboxPorts ports() {
        if (ports == null) {
            throw new IllegalStateException("the sandbox is not started");
        }
        return ports;
    }

    /** The record store the API and DNS serve, for embedding code that seeds or inspects records. */
    public synchronized RecordStore records() {
        if (store == null) {
            throw new IllegalStateException("the sandbox is not started");
        }
        return store;
    }

    /** The IAM, ELB, ELBv2, ACM and S3 resources the API serves, for embedding code to inspect. */
    public synchronized AwsResources aws() {
        if (aws == null) {
            throw new IllegalStateException("the sandbox is not started");
        }
        return aws;
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
    public Optional<byte[]> object(String bucket, String key) {
        return aws().object(bucket, key).map(AwsResources.StoredObject::data);
    }

    /** Where API calls are logged, if anywhere. */
    public Optional<Path> callLogFile() {
        return Optional.ofNullable(settings.callLog);
    }

    /** The key pairs the API accepts, in the order given; AWS's example pair when none was. */
    public Map<String, String> credentials() {
        return settings.credentials.isEmpty() ? Map.of(DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET_ACCESS_KEY)
                : java.util.Collections.unmodifiableMap(settings.credentials);
    }

    /** Stops every listener; the CA and state stay in a state directory, a temporary one is removed. */
    @Override
    public synchronized void close() throws IOException {
        IOException failure = null;
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (IOException e) {
                failure = e;
            }
        }
        running.clear();
        if (temporaryDirectory != null) {
            Directories.deleteRecursively(temporaryDirectory);
            temporaryDirectory = null;
        }
        if (failure != null) {
            throw failure;
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

        private Builder() {
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
            this.httpsPort = checkPort(port);
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
            if (!"https".equals(upstream.getScheme()) || upstream.getHost() == null
                    || !(upstream.getRawPath() == null || upstream.getRawPath().isEmpty()
                    || upstream.getRawPath().equals("/"))) {
                throw new IllegalArgumentException("the upstream must be https://HOST[:PORT], not " + upstream);
            }
            this.forwardTo = upstream;
            this.forwardCa = extraCa;
            return this;
        }

        public Builder apiPort(int port) {
            this.apiPort = checkPort(port);
            return this;
        }

        public Builder proxyPort(int port) {
            this.proxyPort = checkPort(port);
            return this;
        }

        public Builder dnsPort(int port) {
            this.dnsPort = checkPort(port);
            return this;
        }

        /** A hosted zone; a null id gets a stable one derived from the name. */
        public Builder zone(String name, String id) {
            String normalized = RecordNames.normalize(name);
            if (id != null && !validZoneId(id)) {
                throw new IllegalArgumentException("malformed hosted zone id \"" + id
                        + "\"; expected Z followed by upper-case letters and digits");
            }
            zones.put(normalized, id);
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
            if (!arn.startsWith("arn:") || arn.split(":").length < 6) {
                throw new IllegalArgumentException("malformed principal ARN \"" + arn + "\"");
            }
            this.principalArn = arn;
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
            if (delay.isNegative()) {
                throw new IllegalArgumentException("the INSYNC delay cannot be negative");
            }
            this.insyncDelay = delay;
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

        public Sandbox build() {
            return new Sandbox(this);
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is out of range 0-65535");
            }
            return port;
        }

        private static boolean validZoneId(String id) {
            return id.length() >= 2 && id.length() <= 32 && id.charAt(0) == 'Z'
                    && id.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
        }
    }
}
