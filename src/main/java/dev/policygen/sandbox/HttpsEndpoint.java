package dev.policygen.sandbox;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLSocket;

/**
 * The emulator over HTTPS without a CONNECT first, as Route 53 itself is reached at
 * https://route53.amazonaws.com. It lets a sandbox stand in for the real endpoint behind another
 * sandbox's forward mode, which dials an address and verifies the certificate against it.
 */
final class HttpsEndpoint {
    private HttpsEndpoint() {
    }

    static void serve(Socket socket, CertificateAuthority authority, HttpConnection.Handler endpoint)
            throws IOException {
        SSLSocket tls;
        try {
            tls = (SSLSocket) authority.endpointContext().getSocketFactory().createSocket(socket, null,
                    socket.getPort(), true);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot issue the HTTPS endpoint's certificate: " + e.getMessage(), e);
        }
        tls.setUseClientMode(false);
        tls.startHandshake();
        HttpConnection.serve(tls, tls.getInputStream(), null, endpoint, true, null);
    }
}
