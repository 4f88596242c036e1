package dev.policygen.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

/**
 * Decodes an S3 upload sent as {@code aws-chunked} (x-amz-content-sha256 STREAMING-...), as the SDKs
 * send PutObject over plain HTTP: each chunk's signature chains from the request's, a trailer may
 * carry a checksum and its own signature, and all of it is checked as S3 checks it.
 */
final class AwsChunkedBody {
    private static final HexFormat HEX = HexFormat.of();
    private static final String EMPTY_HASH = HEX.formatHex(SigV4Verifier.sha256(new byte[0]));

    private final byte[] body;
    private int position;

    private AwsChunkedBody(byte[] body) {
        this.body = body;
    }

    /** The payload of a request: the body itself unless it is aws-chunked. */
    static byte[] payload(HttpRequest http, SigV4Verifier.Signed signed) throws Route53Error {
        String declared = http.header("x-amz-content-sha256");
        if (declared == null || !declared.startsWith("STREAMING-")) {
            return http.body();
        }
        boolean signedChunks = declared.startsWith("STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
        return new AwsChunkedBody(http.body()).decode(http, signed, signedChunks);
    }

    private byte[] decode(HttpRequest http, SigV4Verifier.Signed signed, boolean signedChunks) throws Route53Error {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        String previous = signed.signature();
        while (true) {
            String header = line();
            int semicolon = header.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semicolon < 0 ? header : header.substring(0, semicolon)).strip(), 16);
            } catch (NumberFormatException e) {
                throw incomplete();
            }
            if (size < 0 || position + size > body.length) {
                throw incomplete();
            }
            byte[] chunk = java.util.Arrays.copyOfRange(body, position, position + size);
            position += size;
            if (signedChunks) {
                String given = semicolon < 0 ? "" : header.substring(semicolon + 1).strip();
                String expected = sign("AWS4-HMAC-SHA256-PAYLOAD", signed, previous, EMPTY_HASH + "\n"
                        + HEX.formatHex(SigV4Verifier.sha256(chunk)));
                if (!given.equals("chunk-signature=" + expected)) {
                    throw mismatch();
                }
                previous = expected;
            }
            payload.write(chunk, 0, chunk.length);
            if (size == 0) {
                break;
            }
            if (!line().isEmpty()) {
                throw incomplete();
            }
        }
        checkTrailer(signed, previous, signedChunks, payload.toByteArray());
        String decodedLength = http.header("x-amz-decoded-content-length");
        if (decodedLength != null && !decodedLength.strip().equals(Integer.toString(payload.size()))) {
            throw incomplete();
        }
        return payload.toByteArray();
    }

    private void checkTrailer(SigV4Verifier.Signed signed, String previous, boolean signedChunks, byte[] payload)
            throws Route53Error {
        Map<String, String> trailer = new LinkedHashMap<>();
        StringBuilder canonical = new StringBuilder();
        String signature = null;
        while (position < body.length) {
            String line = line();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw incomplete();
            }
            String name = line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            if (name.equals("x-amz-trailer-signature")) {
                signature = value;
            } else {
                trailer.put(name, value);
                canonical.append(name).append(':').append(value).append('\n');
            }
        }
        if (signedChunks && !trailer.isEmpty()) {
            String expected = sign("AWS4-HMAC-SHA256-TRAILER", signed, previous,
                    HEX.formatHex(SigV4Verifier.sha256(canonical.toString().getBytes(StandardCharsets.UTF_8))));
            if (!expected.equals(signature)) {
                throw mismatch();
            }
        }
        checksum(trailer, "x-amz-checksum-crc32", new CRC32(), payload);
        checksum(trailer, "x-amz-checksum-crc32c", new CRC32C(), payload);
    }

    private static void checksum(Map<String, String> trailer, String name, Checksum checksum, byte[] payload)
            throws Route53Error {
        String given = trailer.get(name);
        if (given == null) {
            return;
        }
        checksum.update(payload, 0, payload.length);
        String computed = Base64.getEncoder().encodeToString(ByteBuffer.allocate(4)
                .putInt((int) checksum.getValue()).array());
        if (!computed.equals(given)) {
            throw Route53Error.sender(400, "BadDigest", "The " + name.substring("x-amz-checksum-".length())
                    .toUpperCase(java.util.Locale.ROOT) + " you specified did not match the calculated checksum.");
        }
    }

    private static String sign(String algorithm, SigV4Verifier.Signed signed, String previous, String rest) {
        String stringToSign = algorithm + "\n" + signed.amzDate() + "\n" + signed.scope() + "\n" + previous + "\n"
                + rest;
        return HEX.formatHex(SigV4Verifier.hmac(signed.signingKey(), stringToSign));
    }

    private String line() throws Route53Error {
        int start = position;
        while (position + 1 < body.length && !(body[position] == '\r' && body[position + 1] == '\n')) {
            position++;
        }
        if (position + 1 >= body.length) {
            throw incomplete();
        }
        String line = new String(body, start, position - start, StandardCharsets.ISO_8859_1);
        position += 2;
        return line;
    }

    private static Route53Error incomplete() {
        return Route53Error.sender(400, "IncompleteBody", "The request body terminated unexpectedly");
    }

    private static Route53Error mismatch() {
        return Route53Error.sender(403, "SignatureDoesNotMatch", "The request signature we calculated does not match "
                + "the signature you provided. Check your key and signing method.");
    }
}
