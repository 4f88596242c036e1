package dev.policygen.sandbox;

import dev.policygen.InputException;
import dev.policygen.io.InputFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Forward mode: each request decrypted from a CONNECT tunnel is sent on, byte for byte as the
 * client wrote it (its Authorization and Host headers included, never re-signed), to a real
 * endpoint over TLS, and the endpoint's answer goes back unchanged. The call log records what the
 * request asked IAM for and the status the endpoint gave. One upstream connection per request:
 * ACME clients make a handful of calls, and a fresh connection never meets a stale keep-alive.
 */
final class Forwarder {
    private final URI upstream;
    private final SSLContext tls;
    private final CallLog callLog;
    private final String principalArn;
    private final Clock clock;

    private Forwarder(URI upstream, SSLContext tls, CallLog callLog, String principalArn, Clock clock) {
        this.upstream = upstream;
        this.tls = tls;
        this.callLog = callLog;
        this.principalArn = principalArn;
        this.clock = clock;
    }

    /** A forwarder that trusts the JDK's CAs and, when given, the certificates in {@code extraCa} (PEM). */
    static Forwarder to(URI upstream, Path extraCa, CallLog callLog, String principalArn, Clock clock)
            throws IOException, GeneralSecurityException, InputException {
        TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        defaults.init((KeyStore) null);
        KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
        anchors.load(null, null);
        int count = 0;
        for (var manager : defaults.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                for (X509Certificate certificate : x509.getAcceptedIssuers()) {
                    anchors.setCertificateEntry("default-" + count++, certificate);
                }
            }
        }
        if (extraCa != null) {
            // read as every input file is, so a missing one is "no such file" (exit 3), not a defect
            byte[] pem = InputFiles.readBytes(extraCa, "the --forward-ca file");
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(
                    new ByteArrayInputStream(pem))) {
                anchors.setCertificateEntry("extra-" + count++, certificate);
            }
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return new Forwarder(upstream, context, callLog, principalArn, clock);
    }

    /** Serves the decrypted side of one tunnel until the client closes it. */
    void serve(Socket client, String tunnelHost) throws IOException {
        RecordingInputStream in = new RecordingInputStream(new BufferedInputStream(client.getInputStream()));
        OutputStream out = new BufferedOutputStream(client.getOutputStream());
        String remote = client.getInetAddress().getHostAddress();
        while (true) {
            HttpWire.Head head = HttpWire.readHead(in);
            if (head == null) {
                return;
            }
            HttpRequest request;
            try {
                byte[] body = HttpWire.readBody(head, in, out);
                request = HttpConnection.request(head, body, true, tunnelHost, remote);
            } catch (HttpWire.MalformedRequest e) {
                HttpWire.write(out, HttpResponse.text(400, e.getMessage() + "\n"), true);
                return;
            }
            byte[] wire = in.take();
            Instant now = clock.instant();
            UpstreamResponse response;
            try {
                response = exchange(wire, request.method().equals("HEAD"));
            } catch (IOException | GeneralSecurityException e) {
                String requestId = UUID.randomUUID().toString();
                log(now, request, 502, "UpstreamUnreachable", requestId);
                HttpWire.write(out, HttpResponse.text(502, "policygen sandbox: cannot forward to " + upstream + ": "
                        + e.getMessage() + "\n"), true);
                return;
            }
            out.write(response.wire());
            out.flush();
            log(now, request, response.status(), response.errorCode(), response.requestId());
            if (!request.keepAlive() || response.closeDelimited()) {
                return;
            }
        }
    }

    private UpstreamResponse exchange(byte[] wire, boolean headRequest) throws IOException, GeneralSecurityException {
        int port = upstream.getPort() < 0 ? 443 : upstream.getPort();
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(upstream.getHost(), port)) {
            SSLParameters parameters = socket.getSSLParameters();
            // verify the certificate against the address dialled, as any HTTPS client does
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(60_000);
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            out.write(wire);
            out.flush();
            return UpstreamResponse.read(new BufferedInputStream(socket.getInputStream()), headRequest);
        }
    }

    /** The log line of a forwarded call: the request as IAM sees it, no local decision, the upstream's status. */
    private void log(Instant now, HttpRequest request, int status, String errorCode, String requestId) {
        if (callLog == null) {
            return;
        }
        Route53Request call = null;
        RequestAuthorizer.Outcome outcome = null;
        try {
            call = Route53Request.routed(request);
            call = Route53Request.read(request, call.call());
            outcome = RequestAuthorizer.observed(call, request, principalArn, now);
        } catch (Route53Error e) {
            // not a call the sandbox can map to IAM (or a batch it cannot read): logged with what is known
        }
        callLog.write(CallLog.Entry.of(now, request, accessKeyId(request), call, outcome, status, errorCode, requestId,
                upstream.toString()));
    }

    /** The access key id of a SigV4 Authorization header, unverified: the upstream verifies it. */
    static String accessKeyId(HttpRequest request) {
        String authorization = request.header("Authorization");
        if (authorization == null) {
            return null;
        }
        int start = authorization.indexOf("Credential=");
        if (start < 0) {
            return null;
        }
        int end = authorization.indexOf('/', start);
        return end < 0 ? null : authorization.substring(start + "Credential=".length(), end);
    }
}
