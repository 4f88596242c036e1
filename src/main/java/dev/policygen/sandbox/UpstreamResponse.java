package dev.policygen.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A response read from the real endpoint in forward mode: its bytes exactly as received, for the
 * client, and what the call log needs from them (status, AWS error code, request id). Interim 1xx
 * responses are dropped: the proxy has already told the client to continue.
 *
 * @param closeDelimited the body ran to the end of the connection, so the client's must end too
 */
record UpstreamResponse(byte[] wire, int status, String errorCode, String requestId, boolean closeDelimited) {

    static UpstreamResponse read(InputStream in, boolean headRequest) throws IOException {
        while (true) {
            ByteArrayOutputStream wire = new ByteArrayOutputStream();
            String statusLine = line(in, wire);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("the upstream sent no HTTP/1.x status line: " + statusLine);
            }
            int status;
            try {
                status = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IOException("the upstream sent a malformed status line: " + statusLine, e);
            }
            long length = -1;
            boolean chunked = false;
            String requestId = null;
            for (String header = line(in, wire); !header.isEmpty(); header = line(in, wire)) {
                int colon = header.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).strip();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "x-amzn-requestid" -> requestId = value;
                    default -> {
                    }
                }
            }
            if (status >= 100 && status < 200) {
                continue;
            }
            int bodyStart = wire.size();
            if (headRequest || status == 204 || status == 304) {
                length = 0;
            }
            if (chunked) {
                copyChunked(in, wire);
            } else if (length >= 0) {
                copy(in, wire, length, false);
            } else {
                copy(in, wire, HttpWire.MAX_BODY, true);
            }
            byte[] bytes = wire.toByteArray();
            String body = new String(bytes, bodyStart, bytes.length - bodyStart, StandardCharsets.UTF_8);
            return new UpstreamResponse(bytes, status, status >= 400 ? errorCode(body) : null, requestId,
                    !chunked && length < 0);
        }
    }

    /** The {@code <Code>} of an AWS XML error body, or null. */
    private static String errorCode(String body) {
        int start = body.indexOf("<Code>");
        int end = body.indexOf("</Code>");
        return start < 0 || end < start ? null : body.substring(start + "<Code>".length(), end).strip();
    }

    private static void copyChunked(InputStream in, ByteArrayOutputStream wire) throws IOException {
        while (true) {
            String sizeLine = line(in, wire);
            int semicolon = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("the upstream sent a malformed chunk size: " + sizeLine, e);
            }
            if (size == 0) {
                while (!line(in, wire).isEmpty()) {
                    // trailers are passed on unread
                }
                return;
            }
            copy(in, wire, size, false);
            line(in, wire);
        }
    }

    /** Copies {@code size} bytes, or with {@code upTo} whatever arrives before the end, at most {@code size}. */
    private static void copy(InputStream in, ByteArrayOutputStream wire, long size, boolean upTo) throws IOException {
        if (size > HttpWire.MAX_BODY) {
            throw new IOException("the upstream's response is larger than " + HttpWire.MAX_BODY + " bytes");
        }
        byte[] bytes = in.readNBytes((int) size);
        if (bytes.length != size && !upTo) {
            throw new IOException("the upstream closed the connection inside a response body");
        }
        wire.write(bytes);
    }

    /** One line without its CR LF; the line and its terminator are appended to {@code wire}. */
    private static String line(InputStream in, ByteArrayOutputStream wire) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("the upstream closed the connection inside a response");
            }
            if (line.size() > HttpWire.MAX_HEAD) {
                throw new IOException("the upstream sent a line longer than " + HttpWire.MAX_HEAD + " bytes");
            }
            line.write(b);
            wire.write(b);
        }
        wire.write('\n');
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
