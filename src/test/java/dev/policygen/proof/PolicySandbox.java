package dev.policygen.proof;

import dev.policygen.model.PolicyDocument;
import dev.policygen.model.PolicyWriter;
import dev.policygen.sandbox.RecordSet;
import dev.policygen.sandbox.RequestedChange;
import dev.policygen.sandbox.Sandbox;
import dev.policygen.sandbox.SandboxBuilder;
import dev.policygen.sandbox.SandboxPorts;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The sandbox for one client run: fresh records, the one policy under test enforced, its own call
 * log. A new sandbox per run keeps runs independent (a denied clean-up leaves records behind). The
 * DNS port is the same for every run of a test class, because the Pebble instance that validates
 * was told it once at start.
 */
final class PolicySandbox implements Closeable {
    private final Sandbox sandbox;
    private final Path callLog;

    private PolicySandbox(Sandbox sandbox, Path callLog) {
        this.sandbox = sandbox;
        this.callLog = callLog;
    }

    /** @param zones hosted zone name to id */
    static PolicySandbox start(Path directory, int dnsPort, Map<String, String> zones, PolicyDocument policy)
            throws Exception {
        return start(directory, dnsPort, zones, policy, builder -> { });
    }

    /** As {@link #start(Path, int, Map, PolicyDocument)}, with {@code customize} adding faults, say. */
    static PolicySandbox start(Path directory, int dnsPort, Map<String, String> zones, PolicyDocument policy,
            java.util.function.Consumer<SandboxBuilder> customize) throws Exception {
        Files.createDirectories(directory);
        Path policyFile = directory.resolve("policy.json");
        Files.writeString(policyFile, PolicyWriter.pretty(policy), StandardCharsets.UTF_8);
        Path callLog = directory.resolve("calls.jsonl");
        SandboxBuilder builder = Sandbox.builder().dnsPort(dnsPort).policy(policyFile).callLog(callLog);
        zones.forEach(builder::zone);
        customize.accept(builder);
        return new PolicySandbox(startOnFixedPort(builder), callLog);
    }

    /**
     * A sandbox read from a sandbox config file (accounts, roles, zones, OIDC issuer: docs/sandbox.md),
     * on the class's DNS port with its own call log: the role proofs' sandbox, whose principals are the
     * roles the config declares rather than one policy.
     */
    static PolicySandbox fromConfig(Path directory, int dnsPort, Path config) throws Exception {
        Files.createDirectories(directory);
        Path callLog = directory.resolve("calls.jsonl");
        SandboxBuilder builder = Sandbox.builder();
        dev.policygen.sandbox.SandboxConfigFile.apply(config, builder);
        builder.dnsPort(dnsPort).callLog(callLog);
        return new PolicySandbox(startOnFixedPort(builder), callLog);
    }

    /**
     * Pebble was told the DNS port once, so every sandbox of a class binds that same port. Between two
     * runs the port is free, and any process's outgoing DNS query (Pebble's, the client's) may borrow it
     * as its ephemeral source port for a moment; wait for it rather than fail the proof.
     */
    static Sandbox startOnFixedPort(SandboxBuilder builder) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                // a sandbox whose start failed has closed itself, so each attempt builds a new one
                return builder.build().start();
            } catch (java.net.BindException e) {
                if (attempt == 50) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** A port free for DNS over both UDP and TCP on 127.0.0.1, for the sandboxes of one test class. */
    static int freeDnsPort() throws IOException {
        java.net.InetAddress loopback = java.net.InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 20; attempt++) {
            try (java.net.DatagramSocket udp = new java.net.DatagramSocket(0, loopback);
                    java.net.ServerSocket tcp = new java.net.ServerSocket(udp.getLocalPort(), 1, loopback)) {
                return tcp.getLocalPort();
            } catch (java.net.BindException e) {
                // the TCP side of that UDP port is taken: try another
            }
        }
        throw new IOException("no port free for both UDP and TCP on 127.0.0.1");
    }

    SandboxPorts ports() {
        return sandbox.ports();
    }

    Path callLog() {
        return callLog;
    }

    /** The underlying sandbox, for its OIDC issuer and ports. */
    Sandbox sandbox() {
        return sandbox;
    }

    /** Puts a CNAME straight into the store, past the policy: the zone owner's setup, not the client's. */
    void addCname(String zoneId, String name, String target) throws Exception {
        sandbox.records().apply(zoneId, List.of(new RequestedChange("CREATE",
                new RecordSet(name, "CNAME", null, null, null, 60, List.of(target)))), "proof setup", Instant.now(),
                Duration.ZERO);
    }

    /** The TXT sets left in a zone, to show what a denied clean-up left behind. */
    List<RecordSet> txtSets(String zoneId) throws Exception {
        return sandbox.records().sets(zoneId).stream().filter(set -> set.type().equals("TXT")).toList();
    }

    @Override
    public void close() throws IOException {
        sandbox.close();
    }
}
