package dev.policygen.testing;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A port on 127.0.0.1 where every connection is refused, for as long as it is held: a socket bound there
 * but not listening. A port merely found free and closed again can be taken meanwhile by any server
 * binding port 0 (another test's, in the same JVM or not); the bound socket keeps it from them.
 */
public final class RefusedPort implements Closeable {
    private final Socket socket;

    private RefusedPort(Socket socket) {
        this.socket = socket;
    }

    public static RefusedPort bind() throws IOException {
        Socket socket = new Socket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return new RefusedPort(socket);
    }

    public int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
