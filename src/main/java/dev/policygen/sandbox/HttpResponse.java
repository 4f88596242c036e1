package dev.policygen.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An HTTP response with a body (XML or JSON from the emulator, plain text from the proxy, object
 * bytes from S3) and, for emulator answers, the request id AWS sends as {@code x-amzn-RequestId}.
 * {@code headers} are extra headers, e.g. S3's ETag; a Content-Length among them replaces the body's
 * length, as a HEAD answer announces a length it does not send.
 */
public record HttpResponse(int status, String contentType, byte[] body, String requestId,
        List<HttpRequest.Header> headers) {

    public HttpResponse {
        headers = List.copyOf(headers);
    }

    public HttpResponse(int status, String contentType, byte[] body, String requestId) {
        this(status, contentType, body, requestId, List.of());
    }

    public static HttpResponse xml(int status, String xml, String requestId) {
        return new HttpResponse(status, "text/xml", xml.getBytes(StandardCharsets.UTF_8), requestId);
    }

    public static HttpResponse text(int status, String text) {
        return new HttpResponse(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), null);
    }

    /** The value of an extra header, or null. */
    String header(String name) {
        for (HttpRequest.Header header : headers) {
            if (header.name().equalsIgnoreCase(name)) {
                return header.value();
            }
        }
        return null;
    }
}
