package dev.policygen.sandbox;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP listener on 127.0.0.1 (HTTP, the proxy, DNS over TCP) that gives every accepted connection its own daemon thread. Closing
 * it closes the listening socket and every open connection, so a sandbox stops promptly even while
 * clients keep connections alive.
 */
final class TcpListener implements Closeable {
    /** What to do with one accepted connection; the listener closes the socket afterwards. */
    interface ConnectionHandler {
        void serve(Socket socket) throws IOException;
    }

    private final ServerSocket server;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    TcpListener(String name, int port, ConnectionHandler handler) throws IOException {
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "sandbox-" + name);
            thread.setDaemon(true);
            return thread;
        });
        threads.execute(() -> accept(handler));
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept(ConnectionHandler handler) {
        while (!server.isClosed()) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            open.add(socket);
            threads.execute(() -> {
                try (socket) {
                    handler.serve(socket);
                } catch (IOException e) {
                    // the client went away or broke the protocol; its connection is all that ends
                } finally {
                    open.remove(socket);
                }
            });
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed by its client
            }
        }
        threads.shutdownNow();
    }
}
