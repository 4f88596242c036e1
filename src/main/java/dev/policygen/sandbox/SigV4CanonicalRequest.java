package dev.policygen.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical request of AWS Signature Version 4, the half of {@link SigV4Verifier} that rebuilds what the
 * client signed from what arrived: the method, the path (encoded twice for every service but S3, once for
 * S3), the query sorted and RFC 3986 encoded, the signed headers with collapsed whitespace, and the payload
 * hash (the body received, or what x-amz-content-sha256 declares where the service signs it as declared).
 * The verifier checks the credential, scope, date and signature over it.
 */
final class SigV4CanonicalRequest {
    private static final HexFormat HEX = HexFormat.of();

    private SigV4CanonicalRequest() {
    }

    /** The canonical request of the SigV4 specification, for a service other than S3. */
    static String of(HttpRequest request, String signedHeaders) {
        String path = request.path().isEmpty() ? "/" : request.path();
        // the path arrives encoded once; services other than S3 sign it encoded a second time
        StringBuilder canonical = canonicalHead(request, QueryString.encode(path, true), signedHeaders);
        // the hash of the body actually received, so a body changed in transit fails even when the
        // client sent its own hash in x-amz-content-sha256; only an explicitly unsigned payload is taken as is
        String declared = request.header("x-amz-content-sha256");
        canonical.append(SigV4Verifier.UNSIGNED_PAYLOAD.equals(declared) ? declared
                : HEX.formatHex(SigV4Verifier.sha256(request.body())));
        return canonical.toString();
    }

    /**
     * S3's canonical request: the path encoded once, as sent (normalized to RFC 3986), and the payload
     * hash as x-amz-content-sha256 declares it, which S3 requires: a hex hash must be the body's,
     * UNSIGNED-PAYLOAD and the STREAMING-* forms of an aws-chunked body are signed literally.
     */
    static String s3(HttpRequest request, String signedHeaders) throws Route53Error {
        String path = request.path().isEmpty() ? "/" : request.path();
        StringBuilder canonical = canonicalHead(request, QueryString.encode(QueryString.decode(path, false), true),
                signedHeaders);
        String declared = request.header("x-amz-content-sha256");
        if (declared == null) {
            throw Route53Error.sender(400, "InvalidRequest", "Missing required header for this request: "
                    + "x-amz-content-sha256");
        }
        if (!declared.equals(SigV4Verifier.UNSIGNED_PAYLOAD) && !declared.startsWith("STREAMING-")
                && !declared.equalsIgnoreCase(HEX.formatHex(SigV4Verifier.sha256(request.body())))) {
            throw Route53Error.sender(400, "XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header "
                    + "does not match what was computed.");
        }
        canonical.append(declared);
        return canonical.toString();
    }

    private static StringBuilder canonicalHead(HttpRequest request, String canonicalPath, String signedHeaders) {
        StringBuilder canonical = new StringBuilder();
        canonical.append(request.method()).append('\n');
        canonical.append(canonicalPath).append('\n');
        canonical.append(canonicalQuery(request.rawQuery())).append('\n');
        for (String name : signedHeaders.split(";")) {
            List<String> values = new ArrayList<>();
            for (String value : request.headerValues(name)) {
                values.add(value.strip().replaceAll("\\s+", " "));
            }
            canonical.append(name).append(':').append(String.join(",", values)).append('\n');
        }
        canonical.append('\n').append(signedHeaders).append('\n');
        return canonical;
    }

    private static String canonicalQuery(String rawQuery) {
        List<String[]> pairs = new ArrayList<>();
        for (QueryString.Parameter raw : QueryString.split(rawQuery)) {
            // normalized to RFC 3986: decoded (a + stays a +) and encoded again
            pairs.add(new String[] {QueryString.encode(QueryString.decode(raw.name(), false), false),
                QueryString.encode(QueryString.decode(raw.value(), false), false)});
        }
        pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        StringBuilder query = new StringBuilder();
        for (String[] pair : pairs) {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(pair[0]).append('=').append(pair[1]);
        }
        return query.toString();
    }
}
