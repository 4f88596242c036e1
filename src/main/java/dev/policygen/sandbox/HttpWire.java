package dev.policygen.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads HTTP/1.1 requests and writes responses on a byte stream. The request head is read one byte
 * at a time from the stream given, so that on a proxy connection nothing past a CONNECT request's
 * head is consumed before the TLS handshake takes over the socket.
 */
final class HttpWire {
    /** Far above anything an AWS SDK sends; a bound so a broken client cannot exhaust memory. */
    static final int MAX_HEAD = 64 * 1024;
    static final int MAX_BODY = 8 * 1024 * 1024;

    /** A request that cannot be parsed; the connection answers 400 and closes. */
    static final class MalformedRequest extends IOException {
        private static final long serialVersionUID = 1L;

        MalformedRequest(String message) {
            super(message);
        }
    }

    /** The request line and header lines, without the final empty line. */
    record Head(String method, String target, String version, List<HttpRequest.Header> headers) {
        String header(String name) {
            for (HttpRequest.Header header : headers) {
                if (header.name().equalsIgnoreCase(name)) {
                    return header.value();
                }
            }
            return null;
        }
    }

    private HttpWire() {
    }

    /** The next request head, or null at a clean end of stream between requests. */
    static Head readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (lines.isEmpty() && line.size() == 0) {
                    return null;
                }
                throw new MalformedRequest("connection closed inside a request head");
            }
            if (++total > MAX_HEAD) {
                throw new MalformedRequest("request head larger than " + MAX_HEAD + " bytes");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                if (text.endsWith("\r")) {
                    text = text.substring(0, text.length() - 1);
                }
                line.reset();
                if (text.isEmpty()) {
                    if (lines.isEmpty()) {
                        continue; // tolerated blank line between requests (RFC 9112 §2.2)
                    }
                    return parseHead(lines);
                }
                lines.add(text);
            } else {
                line.write(b);
            }
        }
    }

    private static Head parseHead(List<String> lines) throws MalformedRequest {
        String[] requestLine = lines.get(0).split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.")) {
            throw new MalformedRequest("malformed request line: " + lines.get(0));
        }
        List<HttpRequest.Header> headers = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String text = lines.get(i);
            int colon = text.indexOf(':');
            if (colon <= 0) {
                throw new MalformedRequest("malformed header line: " + text);
            }
            headers.add(new HttpRequest.Header(text.substring(0, colon).strip(), text.substring(colon + 1).strip()));
        }
        return new Head(requestLine[0], requestLine[1], requestLine[2], headers);
    }

    /** Reads the body the head announces: Content-Length or chunked, else none. */
    static byte[] readBody(Head head, InputStream in, OutputStream out) throws IOException {
        String expect = head.header("Expect");
        if (expect != null && expect.equalsIgnoreCase("100-continue")) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        String encoding = head.header("Transfer-Encoding");
        if (encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
            return readChunked(in);
        }
        String length = head.header("Content-Length");
        if (length == null) {
            return new byte[0];
        }
        int size;
        try {
            size = Integer.parseInt(length.strip());
        } catch (NumberFormatException e) {
            throw new MalformedRequest("malformed Content-Length: " + length);
        }
        if (size < 0 || size > MAX_BODY) {
            throw new MalformedRequest("Content-Length out of range: " + length);
        }
        byte[] body = in.readNBytes(size);
        if (body.length != size) {
            throw new MalformedRequest("connection closed inside a request body");
        }
        return body;
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int semicolon = sizeLine.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            } catch (NumberFormatException e) {
                throw new MalformedRequest("malformed chunk size: " + sizeLine);
            }
            if (size == 0) {
                while (!readLine(in).isEmpty()) {
                    // trailer fields carry nothing the emulator uses
                }
                return body.toByteArray();
            }
            if (size < 0 || body.size() + size > MAX_BODY) {
                throw new MalformedRequest("chunked body larger than " + MAX_BODY + " bytes");
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length != size) {
                throw new MalformedRequest("connection closed inside a chunk");
            }
            body.write(chunk);
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0 || line.size() > MAX_HEAD) {
                throw new MalformedRequest("connection closed inside a chunked body");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    static void write(OutputStream out, HttpResponse response, boolean close) throws IOException {
        StringBuilder head = new StringBuilder();
        head.append("HTTP/1.1 ").append(response.status()).append(' ').append(reason(response.status())).append("\r\n");
        if (response.requestId() != null) {
            head.append("x-amzn-RequestId: ").append(response.requestId()).append("\r\n");
        }
        head.append("Content-Type: ").append(response.contentType()).append("\r\n");
        if (response.header("Content-Length") == null) {
            head.append("Content-Length: ").append(response.body().length).append("\r\n");
        }
        for (HttpRequest.Header extra : response.headers()) {
            head.append(extra.name()).append(": ").append(extra.value()).append("\r\n");
        }
        // the real time, not the sandbox's clock: SDKs correct their clock skew from this header
        head.append("Date: ").append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC))).append("\r\n");
        if (close) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(response.body());
        out.flush();
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 405 -> "Method Not Allowed";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status " + status;
        };
    }
}
