package dev.policygen.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/1.1 request as read off a socket, plain or inside a CONNECT tunnel. The path and query
 * stay percent-encoded as sent, because SigV4 signs them in that form.
 *
 * @param tunnelHost the CONNECT target the request came through, or null for plain HTTP
 * @param remoteAddress the client's address, which becomes aws:SourceIp
 */
public record HttpRequest(String method, String path, String rawQuery, String version, List<Header> headers,
        byte[] body, boolean secure, String tunnelHost, String remoteAddress) {

    public record Header(String name, String value) {
    }

    public HttpRequest {
        headers = List.copyOf(headers);
    }

    /** The values of a header, case-insensitively, in the order sent. */
    public List<String> headerValues(String name) {
        List<String> values = new ArrayList<>();
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                values.add(header.value());
            }
        }
        return values;
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        for (Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return header.value();
            }
        }
        return null;
    }

    /** The Host header without a port, lower case; empty when absent. */
    public String hostName() {
        String host = header("Host");
        if (host == null) {
            return "";
        }
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(']') < colon) {
            host = host.substring(0, colon);
        }
        return host.toLowerCase(Locale.ROOT);
    }

    /** Whether the client wants the connection kept open after this request. */
    public boolean keepAlive() {
        String connection = header("Connection");
        if (connection != null && connection.toLowerCase(Locale.ROOT).contains("close")) {
            return false;
        }
        return !version.equals("HTTP/1.0") || (connection != null
                && connection.toLowerCase(Locale.ROOT).contains("keep-alive"));
    }
}
