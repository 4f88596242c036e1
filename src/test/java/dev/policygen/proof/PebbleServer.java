package dev.policygen.proof;

import dev.policygen.testing.TlsTrust;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Pebble as the ACME server of the proofs, on 127.0.0.1 only, validating DNS-01 against the
 * sandbox's DNS port. Started once per test class: it is ready in well under a second, but its
 * issuing root changes on every start, so a proof fetches the root from the same instance that
 * issued. The validation sleep and random nonce rejections are off (docs/design/local-e2e.md §3.2).
 * Authorization reuse is at its lowest, PEBBLE_AUTHZREUSE=0, which is NOT off: Pebble makes a new
 * authorization only when a draw of 0..99 exceeds the setting, so it still hands a new order a valid
 * authorization the same account holds for the name about once in a hundred orders (and refuses a
 * negative setting). Tests that count an order's challenges or Route 53 calls therefore give it an
 * account that holds no authorization for its names (RenewBed, docs/design/local-e2e.md §3.3).
 */
public final class PebbleServer implements Closeable {
    private static final Duration READY_LIMIT = Duration.ofSeconds(20);
    /** Starts with new ports after Pebble found one taken ("address already in use"). */
    private static final int START_ATTEMPTS = 3;

    private final Process process;
    private final int acmePort;
    private final int managementPort;
    private final ThrowawayTls tls;
    private final HttpClient http;
    private final Path log;

    private PebbleServer(Process process, int acmePort, int managementPort, ThrowawayTls tls, HttpClient http,
            Path log) {
        this.process = process;
        this.acmePort = acmePort;
        this.managementPort = managementPort;
        this.tls = tls;
        this.http = http;
        this.log = log;
    }

    public static PebbleServer start(Path directory, int dnsPort) throws Exception {
        return start(directory, dnsPort, Map.of());
    }

    /**
     * @param environment Pebble settings that replace the defaults above, e.g.
     *     {@code PEBBLE_WFE_NONCEREJECT=30} to have 30 % of the nonces refused as badNonce
     */
    public static PebbleServer start(Path directory, int dnsPort, Map<String, String> environment)
            throws Exception {
        // Pebble binds its ports a moment after they were picked: another process may take one meanwhile
        for (int attempt = 1; ; attempt++) {
            PebbleServer server;
            try {
                server = start(directory, dnsPort, environment, pebblePorts(dnsPort));
            } catch (IOException e) {
                if (attempt == START_ATTEMPTS || !String.valueOf(e.getMessage()).contains("address already in use")) {
                    throw e;
                }
                continue;
            }
            return server;
        }
    }

    /**
     * Four ports for Pebble (ACME, management, and the HTTP-01 and TLS-ALPN-01 ports it insists on), each
     * free right now: picked while every probe is held open, so they are distinct, and never the DNS port.
     */
    private static int[] pebblePorts(int dnsPort) throws IOException {
        List<ServerSocket> probes = new java.util.ArrayList<>();
        try {
            int[] ports = new int[4];
            int picked = 0;
            while (picked < ports.length) {
                ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                probes.add(probe);
                if (probe.getLocalPort() != dnsPort) {
                    ports[picked++] = probe.getLocalPort();
                }
            }
            return ports;
        } finally {
            for (ServerSocket probe : probes) {
                probe.close();
            }
        }
    }

    private static PebbleServer start(Path directory, int dnsPort, Map<String, String> environment, int[] ports)
            throws Exception {
        Path pebble = RequiredProgram.locate("pebble");
        Files.createDirectories(directory);
        ThrowawayTls tls = ThrowawayTls.create(directory);
        int acmePort = ports[0];
        int managementPort = ports[1];
        // httpPort and tlsPort are where Pebble would validate HTTP-01 and TLS-ALPN-01; DNS-01 never
        // uses them, but Pebble insists on values
        Path config = directory.resolve("pebble-config.json");
        Files.writeString(config, """
                {"pebble": {
                  "listenAddress": "127.0.0.1:%d",
                  "managementListenAddress": "127.0.0.1:%d",
                  "certificate": "%s",
                  "privateKey": "%s",
                  "httpPort": %d,
                  "tlsPort": %d,
                  "ocspResponderURL": "",
                  "externalAccountBindingRequired": false
                }}
                """.formatted(acmePort, managementPort, tls.certificateFile(), tls.keyFile(), ports[2], ports[3]),
                StandardCharsets.UTF_8);
        Path log = directory.resolve("pebble.log");
        ProcessBuilder builder = new ProcessBuilder(pebble.toString(), "-config", config.toString(),
                "-dnsserver", "127.0.0.1:" + dnsPort)
                .directory(directory.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().put("PEBBLE_VA_NOSLEEP", "1");
        builder.environment().put("PEBBLE_WFE_NONCEREJECT", "0");
        // the least reuse Pebble allows, not none: see the class comment
        builder.environment().put("PEBBLE_AUTHZREUSE", "0");
        builder.environment().putAll(environment);
        Process process = builder.start();
        PebbleServer server = new PebbleServer(process, acmePort, managementPort, tls,
                HttpClient.newBuilder().sslContext(TlsTrust.sslContext(tls.caFile())).proxy(HttpClient.Builder.NO_PROXY)
                        .connectTimeout(Duration.ofSeconds(5)).build(), log);
        try {
            server.awaitDirectory();
            return server;
        } catch (Exception e) {
            server.close();
            throw e;
        }
    }

    public String directoryUrl() {
        return "https://127.0.0.1:" + acmePort + "/dir";
    }

    /** The CA the clients must trust for Pebble's own HTTPS (LEGO_CA_CERTIFICATES, REQUESTS_CA_BUNDLE). */
    public Path tlsCaFile() {
        return tls.caFile();
    }

    /** The root this Pebble instance issues under, from its management interface. */
    public X509Certificate issuingRoot() throws IOException, InterruptedException, GeneralSecurityException {
        return certificates(get("https://127.0.0.1:" + managementPort + "/roots/0")).get(0);
    }

    /** Root {@code index} of this instance: 0 is the default chain's, 1.. those of PEBBLE_ALTERNATE_ROOTS. */
    public X509Certificate root(int index) throws IOException, InterruptedException, GeneralSecurityException {
        return certificates(get("https://127.0.0.1:" + managementPort + "/roots/" + index)).get(0);
    }

    /** The intermediates between the root and the leaves, for clients whose chain file lacks them. */
    public List<X509Certificate> intermediates() throws IOException, InterruptedException, GeneralSecurityException {
        return certificates(get("https://127.0.0.1:" + managementPort + "/intermediates/0"));
    }

    private void awaitDirectory() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_LIMIT.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("pebble exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                get(directoryUrl());
                return;
            } catch (IOException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new IOException("pebble did not answer " + directoryUrl() + " within " + READY_LIMIT.toSeconds()
                + " s:\n" + Files.readString(log), last);
    }

    private String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    public static List<X509Certificate> certificates(String pem) throws GeneralSecurityException {
        InputStream in = new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII));
        return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                .map(X509Certificate.class::cast).toList();
    }

    /** What Pebble logged so far, to show a fault it injected really happened. */
    public String logText() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** A port free on 127.0.0.1 right now; Pebble binds it a moment later. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
