package dev.policygen.sandbox;

import java.nio.charset.StandardCharsets;

/**
 * An HTTP response with a text body (XML from the emulator, plain text from the proxy) and, for
 * emulator answers, the request id AWS sends as {@code x-amzn-RequestId}.
 */
public record HttpResponse(int status, String contentType, byte[] body, String requestId) {

    public static HttpResponse xml(int status, String xml, String requestId) {
        return new HttpResponse(status, "text/xml", xml.getBytes(StandardCharsets.UTF_8), requestId);
    }

    public static HttpResponse text(int status, String text) {
        return new HttpResponse(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), null);
    }
}
