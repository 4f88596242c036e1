package dev.policygen.proof;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A webhook receiver on 127.0.0.1 over HTTPS with a self-signed certificate for localhost (its PEM is
 * the CA file a client trusts): it records each POST's headers and body and answers {@code status}.
 */
final class HttpsReceiver implements AutoCloseable {
    record Received(Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpsServer server;
    private final Path caFile;
    private final List<Received> received = new ArrayList<>();

    private HttpsReceiver(HttpsServer server, Path caFile) {
        this.server = server;
        this.caFile = caFile;
    }

    static HttpsReceiver start(Path directory, int status) throws Exception {
        SelfSigned certificate = SelfSigned.expiringIn(Duration.ofDays(30), "localhost");
        Path caFile = directory.resolve("receiver-ca.pem");
        Files.writeString(caFile, certificate.certificatePem(), StandardCharsets.US_ASCII);
        Certificate leaf = CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(certificate.certificatePem().getBytes(StandardCharsets.US_ASCII)));
        String base64 = certificate.privateKeyPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        char[] password = "receiver".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("receiver", key, password, new Certificate[] {leaf});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        HttpsReceiver receiver = new HttpsReceiver(server, caFile);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            synchronized (receiver.received) {
                receiver.received.add(new Received(Map.copyOf(exchange.getRequestHeaders()),
                        new String(body, StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return receiver;
    }

    /** {@code https://localhost:PORT/PATH}: the name its certificate has, reached on 127.0.0.1. */
    URI uri(String path) {
        return URI.create("https://localhost:" + server.getAddress().getPort() + path);
    }

    Path caFile() {
        return caFile;
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
