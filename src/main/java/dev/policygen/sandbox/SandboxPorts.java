package dev.policygen.sandbox;

import java.nio.file.Path;

/**
 * Where a started sandbox listens, all on 127.0.0.1: the Route 53 API over plain HTTP (for
 * endpoint-url settings), the CONNECT proxy (for HTTPS_PROXY), and DNS over UDP and TCP; and the
 * CA certificate that clients going through the proxy must trust (AWS_CA_BUNDLE).
 */
public record SandboxPorts(int api, int proxy, int dns, Path caCertificate) {

    public String apiUrl() {
        return "http://127.0.0.1:" + api;
    }

    public String proxyUrl() {
        return "http://127.0.0.1:" + proxy;
    }

    /** The ports as a JSON object, for scripts (--ports-file). */
    public String json() {
        return "{\"api\": " + api + ", \"proxy\": " + proxy + ", \"dns\": " + dns + ", \"apiUrl\": \"" + apiUrl()
                + "\", \"proxyUrl\": \"" + proxyUrl() + "\", \"caCertificate\": "
                + dev.policygen.json.JsonWriter.quote(caCertificate.toString()) + "}\n";
    }
}
