package dev.policygen.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLSocket;

/**
 * The HTTPS_PROXY that clients without an endpoint setting (lego 4.9, certbot 2.1) are pointed at
 * (docs/design/local-e2e.md §4). A CONNECT to a Route 53 host (and, unless forwarding, to the us-east-1
 * endpoints of IAM, ELB, ACM and S3, and STS's global and regional hosts) is answered 200, and the tunnel's TLS is
 * terminated with a certificate from the sandbox CA, so the requests inside reach the emulator
 * decrypted. Every other CONNECT, and every plain request for another host, is refused: the
 * sandbox never opens a connection anywhere.
 */
final class ConnectProxy {
    /** The Route 53 endpoints of the aws partition: global, dual-stack and FIPS. */
    static final Set<String> SERVED_HOSTS = Set.of("route53.amazonaws.com", "route53.global.api.aws",
            "route53-fips.amazonaws.com");
    /**
     * The us-east-1 endpoints of the other emulated services (S3 path style only). Served by the
     * emulator, never forwarded: forward mode's upstream is a Route 53.
     */
    static final Set<String> EMULATED_HOSTS = Set.of("iam.amazonaws.com", "elasticloadbalancing.us-east-1.amazonaws.com",
            "acm.us-east-1.amazonaws.com", "s3.amazonaws.com", "s3.us-east-1.amazonaws.com");
    /** STS's global host; its regional hosts {@code sts.REGION.amazonaws.com} are matched by {@link #emulated}. */
    static final String STS_GLOBAL_HOST = "sts.amazonaws.com";
    private static final java.util.regex.Pattern STS_REGIONAL_HOST =
            java.util.regex.Pattern.compile("sts\\.[a-z]{2}(-[a-z]+)+-[0-9]\\.amazonaws\\.com");
    /** SNS is regional only: {@code sns.REGION.amazonaws.com}, the topic's region. */
    private static final java.util.regex.Pattern SNS_HOST =
            java.util.regex.Pattern.compile("sns\\.[a-z]{2}(-[a-z]+)+-[0-9]\\.amazonaws\\.com");
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

    private final CertificateAuthority authority;
    private final HttpConnection.Handler endpoint;
    private final PrintWriter console;
    private final Forwarder forwarder;

    /** @param forwarder in forward mode, where tunnelled requests go instead of the emulator; else null */
    ConnectProxy(CertificateAuthority authority, HttpConnection.Handler endpoint, PrintWriter console,
            Forwarder forwarder) {
        this.authority = authority;
        this.endpoint = endpoint;
        this.console = console;
        this.forwarder = forwarder;
    }

    void serve(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        HttpWire.Head head = HttpWire.readHead(in);
        if (head == null) {
            return;
        }
        if (!head.method().equals("CONNECT")) {
            // plain HTTP: a client given the proxy's address as its endpoint URL, or one using it as
            // an HTTP proxy for a Route 53 host
            HttpConnection.serve(socket, in, head, this::servePlain, false, null);
            return;
        }
        String target = head.target();
        int colon = target.lastIndexOf(':');
        String host = (colon > 0 ? target.substring(0, colon) : target).toLowerCase(Locale.ROOT);
        OutputStream out = socket.getOutputStream();
        if (!SERVED_HOSTS.contains(host) && !(emulated(host) && forwarder == null)) {
            refuse(out, "CONNECT " + target);
            return;
        }
        SSLSocket tls;
        try {
            tls = (SSLSocket) authority.serverContext(host).getSocketFactory().createSocket(socket, host,
                    socket.getPort(), true);
        } catch (GeneralSecurityException e) {
            HttpWire.write(out, HttpResponse.text(502, "policygen sandbox: cannot issue a certificate for " + host
                    + ": " + e.getMessage() + "\n"), true);
            return;
        }
        out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        tls.setUseClientMode(false);
        tls.startHandshake();
        if (forwarder != null) {
            forwarder.serve(tls, host);
            return;
        }
        HttpConnection.serve(tls, tls.getInputStream(), null, endpoint, true, host);
    }

    /** A host of a service the emulator answers besides Route 53: IAM, ELB, ACM, S3 and STS (global and regional). */
    static boolean emulated(String host) {
        return EMULATED_HOSTS.contains(host) || host.equals(STS_GLOBAL_HOST) || STS_REGIONAL_HOST.matcher(host).matches()
                || SNS_HOST.matcher(host).matches();
    }

    private HttpResponse servePlain(HttpRequest request) {
        String host = request.hostName();
        if (forwarder != null) {
            // forwarding keeps the client's own TLS session semantics; plain HTTP would have to be upgraded
            return refusal(request.method() + " http://" + request.header("Host") + request.path()
                    + " (forward mode forwards only CONNECT tunnels)");
        }
        if (SERVED_HOSTS.contains(host) || emulated(host) || LOOPBACK.contains(host)) {
            return endpoint.handle(request);
        }
        return refusal(request.method() + " http://" + request.header("Host") + request.path());
    }

    private void refuse(OutputStream out, String what) throws IOException {
        HttpWire.write(out, refusal(what), true);
    }

    private HttpResponse refusal(String what) {
        if (console != null) {
            console.println("policygen sandbox: proxy refused " + what);
            console.flush();
        }
        java.util.List<String> hosts = new java.util.ArrayList<>(SERVED_HOSTS);
        if (forwarder == null) {
            hosts.addAll(EMULATED_HOSTS);
            hosts.add(STS_GLOBAL_HOST);
            hosts.add("sts.REGION.amazonaws.com");
            hosts.add("sns.REGION.amazonaws.com");
        }
        return HttpResponse.text(403, "policygen sandbox: refused " + what + ": the sandbox serves only "
                + String.join(", ", hosts.stream().sorted().toList()) + " and never connects to the internet\n");
    }
}
