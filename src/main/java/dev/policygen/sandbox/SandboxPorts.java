package dev.policygen.sandbox;

import java.nio.file.Path;

/**
 * Where a started sandbox listens, all on 127.0.0.1: the Route 53 API over plain HTTP (for
 * endpoint-url settings), the CONNECT proxy (for HTTPS_PROXY), and DNS over UDP and TCP; and the
 * CA certificate that clients going through the proxy must trust (AWS_CA_BUNDLE). {@code https}
 * is the optional HTTPS API port (0 when not listening), which answers as Route 53 does at
 * https://route53.amazonaws.com, with a certificate that also names 127.0.0.1.
 */
public record SandboxPorts(int api, int proxy, int dns, Path caCertificate, int https) {

    public SandboxPorts(int api, int proxy, int dns, Path caCertificate) {
        this(api, proxy, dns, caCertificate, 0);
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + api;
    }

    public String proxyUrl() {
        return "http://127.0.0.1:" + proxy;
    }

    public String httpsUrl() {
        if (https == 0) {
            throw new IllegalStateException("the sandbox has no HTTPS listener");
        }
        return "https://127.0.0.1:" + https;
    }

    /** The ports as a JSON object, for scripts (--ports-file). */
    public String json() {
        return "{\"api\": " + api + ", \"proxy\": " + proxy + ", \"dns\": " + dns + ", \"apiUrl\": \"" + apiUrl()
                + "\", \"proxyUrl\": \"" + proxyUrl() + "\", " + (https == 0 ? "" : "\"https\": " + https + ", ")
                + "\"caCertificate\": "
                + dev.policygen.json.JsonWriter.quote(caCertificate.toString()) + "}\n";
    }
}
