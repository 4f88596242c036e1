package dev.policygen.sandbox;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * Serves HTTP/1.1 requests with keep-alive on one connection, plain or the TLS side of a CONNECT
 * tunnel, handing each to the emulator. Both lego and certbot reuse their connections, so one
 * connection carries a client's whole session.
 */
final class HttpConnection {
    /** The emulator's entry point for one request. */
    interface Handler {
        HttpResponse handle(HttpRequest request);
    }

    private HttpConnection() {
    }

    /**
     * Serves until the client closes or asks to close. {@code first} is a head already read from
     * the stream by the proxy, or null.
     */
    static void serve(Socket socket, InputStream rawIn, HttpWire.Head first, Handler handler, boolean secure,
            String tunnelHost) throws IOException {
        InputStream in = new BufferedInputStream(rawIn);
        OutputStream out = new BufferedOutputStream(socket.getOutputStream());
        String remote = socket.getInetAddress().getHostAddress();
        HttpWire.Head head = first;
        while (true) {
            if (head == null) {
                head = HttpWire.readHead(in);
                if (head == null) {
                    return;
                }
            }
            HttpRequest request;
            try {
                byte[] body = HttpWire.readBody(head, in, out);
                request = request(head, body, secure, tunnelHost, remote);
            } catch (HttpWire.MalformedRequest e) {
                HttpWire.write(out, HttpResponse.text(400, e.getMessage() + "\n"), true);
                return;
            }
            HttpResponse response = handler.handle(request);
            boolean keepAlive = request.keepAlive();
            HttpWire.write(out, response, !keepAlive);
            if (!keepAlive) {
                return;
            }
            head = null;
        }
    }

    static HttpRequest request(HttpWire.Head head, byte[] body, boolean secure, String tunnelHost, String remote)
            throws HttpWire.MalformedRequest {
        String target = head.target();
        if (target.startsWith("http://") || target.startsWith("https://")) {
            // absolute form, as sent to a forward proxy: the path starts after the authority
            int slash = target.indexOf('/', target.indexOf("//") + 2);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        if (!target.startsWith("/")) {
            throw new HttpWire.MalformedRequest("unsupported request target: " + head.target());
        }
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? "" : target.substring(question + 1);
        return new HttpRequest(head.method(), path, query, head.version(), head.headers(), body, secure, tunnelHost,
                remote);
    }
}
