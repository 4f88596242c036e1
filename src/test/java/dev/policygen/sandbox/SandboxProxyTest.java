package dev.policygen.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ChangeStatus;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * The SDK reaching "route53.amazonaws.com" over HTTPS through the sandbox's CONNECT proxy, trusting
 * only the sandbox CA: the way lego and certbot are run against it. The call log proves the calls
 * came through the tunnel (so nothing went anywhere else).
 */
class SandboxProxyTest {
    @TempDir
    static Path directory;
    private static Sandbox sandbox;
    private static Path callLog;

    @BeforeAll
    static void start() throws Exception {
        callLog = directory.resolve("calls.jsonl");
        sandbox = SandboxClients.start(Sandbox.builder().stateDir(directory.resolve("state")).callLog(callLog));
    }

    @AfterAll
    static void stop() throws Exception {
        sandbox.close();
    }

    @Test
    void theSdkWorksThroughTheProxyWithTlsFromTheSandboxCa() throws Exception {
        try (Route53Client route53 = SandboxClients.throughProxy(sandbox)) {
            assertEquals(2, route53.listHostedZones().hostedZones().size());
            var change = SandboxSdkTest.change(route53, SandboxClients.ZONE_ID, ChangeAction.UPSERT,
                    SandboxSdkTest.txt("_acme-challenge.tls.example.com", 10, "\"over-tls\""));
            assertEquals(ChangeStatus.INSYNC, route53.getChange(r -> r.id(change.id())).changeInfo().status(),
                    "without an INSYNC delay, the first poll is INSYNC");
            List<ResourceRecordSet> sets = route53.listResourceRecordSets(r -> r.hostedZoneId(SandboxClients.ZONE_ID)
                    .startRecordName("_acme-challenge.tls.example.com").startRecordType("TXT").maxItems("1"))
                    .resourceRecordSets();
            assertEquals("_acme-challenge.tls.example.com.", sets.get(0).name());
        }
        List<String> lines = Files.readAllLines(callLog);
        assertEquals(4, lines.size(), String.join("\n", lines));
        for (String line : lines) {
            assertTrue(line.contains("\"tunnel\":\"route53.amazonaws.com\""), line);
            assertTrue(line.contains("\"aws:SecureTransport\":\"true\""), line);
        }
        assertTrue(Files.exists(directory.resolve("state").resolve("sandbox-ca.pem")), "the CA is kept in the state dir");
    }

    @Test
    void aConnectToAnotherHostIsRefused() throws IOException {
        String answer = exchange("CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 403 "), answer);
    }

    @Test
    void aPlainProxyRequestForAnotherHostIsRefused() throws IOException {
        String answer = exchange("GET http://example.org/ HTTP/1.1\r\nHost: example.org\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 403 "), answer);
    }

    private static String exchange(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), sandbox.ports().proxy())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
