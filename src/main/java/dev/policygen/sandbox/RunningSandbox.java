package dev.policygen.sandbox;

import dev.policygen.InputException;
import dev.policygen.OutputException;
import dev.policygen.UsageException;
import dev.policygen.io.AtomicFile;
import dev.policygen.io.Directories;
import dev.policygen.io.FileMode;
import dev.policygen.io.LocalPaths;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import dev.policygen.route53.Arn;
import dev.policygen.sandbox.sts.OidcIssuer;
import dev.policygen.sandbox.sts.SandboxAccounts;
import dev.policygen.sandbox.sts.SessionStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Optional;
import java.util.function.Function;
import java.util.List;
import java.util.Map;

/**
 * A started sandbox's parts, wired together from its settings: the record store and AWS resources
 * (loaded from the state directory when there is one), the CA, the call log, one request pipeline
 * behind the API port, the proxy and the optional HTTPS port, and the DNS server. Closing it stops
 * every listener and removes a temporary state directory.
 */
final class RunningSandbox implements Closeable {
    private final List<Closeable> running = new ArrayList<>();
    private Path temporaryDirectory;
    private RecordStore store;
    private AwsResources aws;
    private SandboxPorts ports;
    private OidcIssuer issuer;
    private static final String ZONE_RESOURCE = "hostedzone/";

    private RunningSandbox() {
    }

    /** Binds every listener and starts serving; on a failure, whatever was started is stopped again. */
    static RunningSandbox start(SandboxSettings settings, Map<String, String> credentials)
            throws IOException, InputException, OutputException, UsageException {
        RunningSandbox sandbox = new RunningSandbox();
        boolean started = false;
        try {
            sandbox.wire(settings, credentials);
            started = true;
            return sandbox;
        } finally {
            if (!started) {
                sandbox.close();
            }
        }
    }

    private void wire(SandboxSettings settings, Map<String, String> credentials)
            throws IOException, InputException, OutputException, UsageException {
        Path directory = settings.stateDir();
        if (directory == null) {
            temporaryDirectory = Files.createTempDirectory("policygen-sandbox-");
            directory = temporaryDirectory;
        }
        // a bad local path is the user's to fix (exit 3, one line naming it), never a defect
        LocalPaths.createDirectories("the state directory", directory);
        store = records(settings, directory);
        CertificateAuthority authority;
        try {
            authority = CertificateAuthority.inDirectory(directory);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot create the sandbox CA: " + e.getMessage(), e);
        } catch (IOException e) {
            throw LocalPaths.unusable("the state directory", directory, e);
        }
        CallLog callLog = null;
        if (settings.callLog() != null) {
            try {
                callLog = CallLog.open(settings.callLog());
            } catch (IOException e) {
                throw LocalPaths.unusable("the call log", settings.callLog(), e);
            }
            running.add(callLog);
        }
        String defaultAccount = RequestAuthorizer.accountOf(settings.principalArn());
        SandboxAccounts accounts = settings.identities().load(defaultAccount);
        try {
            issuer = OidcIssuer.inDirectory(directory, settings.identities().oidcHost(),
                    settings.identities().oidcAudiences());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot create the sandbox's OIDC signing key: " + e.getMessage(), e);
        } catch (IOException e) {
            throw LocalPaths.unusable("the state directory", directory, e);
        }
        SessionStore sessions = new SessionStore();
        Principals principals = new Principals(accounts, sessions, settings.principalArn(),
                RequestAuthorizer.policies(settings.policies()));
        RequestAuthorizer authorizer = new RequestAuthorizer(principals, resource -> zoneAccount(accounts, resource));
        Function<String, SigV4Verifier.AccessKey> staticKeys = SigV4Verifier.staticKeys(credentials);
        Function<String, SigV4Verifier.AccessKey> keys = id -> {
            SigV4Verifier.AccessKey key = staticKeys.apply(id);
            return key != null ? key : sessions.find(id).map(session -> new SigV4Verifier.AccessKey(
                    session.secretAccessKey(), session.sessionToken(), session.expiration())).orElse(null);
        };
        RequestPipeline pipeline = new RequestPipeline(new SigV4Verifier(keys, settings.clock()), authorizer,
                new FaultInjector(settings.faults(), settings.seed()), callLog, settings.console(), settings.clock());
        Route53Service route53 = new Route53Service(new Route53Api(store, settings.clock(), settings.insyncDelay()),
                settings.legacyInvalidChangeBatch(), accessKeyId -> {
                    String account = principals.resolve(accessKeyId).account();
                    return zone -> accounts.zoneAccount(zone.name()).equals(account);
                });
        AwsStateFile awsState = settings.stateDir() == null ? null
                : new AwsStateFile(directory.resolve("aws-state.json"));
        aws = resources(settings, awsState);
        Map<String, EmulatedService<?>> services = new HashMap<>(AwsResourceService.all(aws, awsState, defaultAccount,
                settings.clock()));
        services.put("sts", new StsService(principals, issuer, settings.clock()));
        ServiceRouter endpoint = new ServiceRouter(pipeline, route53, services);
        TcpListener api = listen(new TcpListener("api", settings.apiPort(),
                socket -> HttpConnection.serve(socket, socket.getInputStream(), null, endpoint, false, null)));
        TcpListener proxy = listen(new TcpListener("proxy", settings.proxyPort(),
                new ConnectProxy(authority, endpoint, settings.console(), forwarder(settings, callLog))::serve));
        int httpsPort = 0;
        if (settings.httpsPort() != null) {
            httpsPort = listen(new TcpListener("https", settings.httpsPort(),
                    socket -> HttpsEndpoint.serve(socket, authority, endpoint))).port();
        }
        DnsServer dns = new DnsServer(settings.dnsPort(), new DnsAnswers(store));
        running.add(dns);
        ports = new SandboxPorts(api.port(), proxy.port(), dns.port(), authority.certificateFile(), httpsPort);
        if (settings.portsFile() != null) {
            // whole or absent: whoever waits for the file reads it as soon as it appears
            try {
                AtomicFile.replace(settings.portsFile(), ports.json().getBytes(StandardCharsets.UTF_8),
                        FileMode.UMASK_DEFAULT);
            } catch (IOException e) {
                throw LocalPaths.unusable("the ports file", settings.portsFile(), e);
            }
        }
    }

    /** The account owning the hosted zone a resource ARN names; empty for another resource or an unknown zone. */
    private Optional<String> zoneAccount(SandboxAccounts accounts, String resource) {
        Arn arn = Arn.parse(resource);
        if (arn == null || !arn.service().equals("route53") || !arn.resource().startsWith(ZONE_RESOURCE)) {
            return Optional.empty();
        }
        try {
            return Optional.of(accounts.zoneAccount(store.zone(arn.resource().substring(ZONE_RESOURCE.length())).name()));
        } catch (Route53Error e) {
            return Optional.empty();
        }
    }

    /** The record store, loaded from a state directory's state.json, with the configured zones added. */
    private static RecordStore records(SandboxSettings settings, Path directory) throws InputException, UsageException {
        StateFile stateFile = settings.stateDir() == null ? null : new StateFile(directory.resolve("state.json"));
        RecordStore store = new RecordStore(stateFile, settings.seed());
        if (stateFile != null) {
            stateFile.load(store);
        }
        for (Map.Entry<String, String> zone : settings.zones().entrySet()) {
            try {
                store.addZone(zone.getKey(), zone.getValue());
            } catch (IllegalArgumentException e) {
                throw new UsageException(zone.getKey(), e.getMessage());
            }
        }
        store.save();
        return store;
    }

    /** The AWS resources, loaded from a saved state, then seeded with what is declared and not there yet. */
    private static AwsResources resources(SandboxSettings settings, AwsStateFile awsState) throws InputException {
        AwsResources resources = new AwsResources();
        if (awsState != null) {
            awsState.load(resources);
        }
        settings.awsSeed().apply(resources, settings.clock().instant());
        if (awsState != null) {
            awsState.write(resources);
        }
        return resources;
    }

    private static Forwarder forwarder(SandboxSettings settings, CallLog callLog) throws IOException, InputException {
        if (settings.forwardTo() == null) {
            return null;
        }
        try {
            return Forwarder.to(settings.forwardTo(), settings.forwardCa(), callLog, settings.principalArn(),
                    settings.clock());
        } catch (java.security.cert.CertificateException e) {
            // the JDK's text names its parser ("Could not parse certificate: java.io.IOException: ...")
            throw new InputException(String.valueOf(settings.forwardCa()),
                    "cannot read the --forward-ca file: not PEM certificates", e);
        } catch (GeneralSecurityException e) {
            throw new InputException(String.valueOf(settings.forwardCa()), "cannot trust the upstream's CA: "
                    + e.getMessage(), e);
        }
    }

    private TcpListener listen(TcpListener listener) {
        running.add(listener);
        return listener;
    }

    RecordStore records() {
        return store;
    }

    AwsResources aws() {
        return aws;
    }

    OidcIssuer issuer() {
        return issuer;
    }

    SandboxPorts ports() {
        return ports;
    }

    /** Stops every listener; the CA and state stay in a state directory, a temporary one is removed. */
    @Override
    public void close() throws IOException {
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
}
