package dev.policygen.testing;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * A plain-HTTP server on 127.0.0.1 at a port the system picks, for the stubs that stand in for a remote
 * service (AWS endpoints, an ACME directory): they only say how to answer.
 */
public final class LocalHttpServer implements AutoCloseable {
    private final HttpServer server;

    private LocalHttpServer(HttpServer server) {
        this.server = server;
    }

    /** Starts serving every path with the handler. */
    public static LocalHttpServer start(HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", handler);
        server.start();
        return new LocalHttpServer(server);
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
