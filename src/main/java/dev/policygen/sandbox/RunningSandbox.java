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
import java.util.ArrayList;
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
        RequestAuthorizer authorizer = new RequestAuthorizer(RequestAuthorizer.evaluator(settings.policies()),
                settings.principalArn());
        RequestPipeline pipeline = new RequestPipeline(new SigV4Verifier(credentials, settings.clock()), authorizer,
                new FaultInjector(settings.faults(), settings.seed()), callLog, settings.console(), settings.clock());
        Route53Service route53 = new Route53Service(new Route53Api(store, settings.clock(), settings.insyncDelay()),
                settings.legacyInvalidChangeBatch());
        AwsStateFile awsState = settings.stateDir() == null ? null
                : new AwsStateFile(directory.resolve("aws-state.json"));
        aws = resources(settings, awsState);
        ServiceRouter endpoint = new ServiceRouter(pipeline, route53,
                AwsResourceService.all(aws, awsState, authorizer.account(), settings.clock()));
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
