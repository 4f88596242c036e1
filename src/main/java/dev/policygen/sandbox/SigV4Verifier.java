package dev.policygen.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks AWS Signature Version 4 on a request as Route 53 does, against the sandbox's configured
 * access keys: the Authorization header's credential and its scope, the request's date, the
 * canonical request ({@link SigV4CanonicalRequest}), the string to sign with scope
 * {@code <date>/us-east-1/route53/aws4_request}, and the HMAC-SHA256 key derivation. A client whose
 * request passes here signs correctly for AWS too. The other emulated services are verified the same
 * way under their own service name; S3 by its own rules (path encoded once, payload hash as declared).
 *
 * <p>The request's date (X-Amz-Date, or an RFC 1123 Date header when that is absent) must lie within
 * {@link #MAX_SKEW} of the sandbox's clock, as AWS requires: a client whose clock is off, or that
 * signs once and replays, is refused here as it would be there. Route 53, IAM and ELB answer
 * SignatureDoesNotMatch "Signature expired" / "Signature not yet current" (ACM words the same code as
 * InvalidSignatureException); S3 answers RequestTimeTooSkewed with the two times and the allowed skew.
 */
final class SigV4Verifier {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String REGION = "us-east-1";
    static final String SERVICE = "route53";
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final String SIGNATURE_MISMATCH = "The request signature we calculated does not match the "
            + "signature you provided. Check your AWS Secret Access Key and signing method. Consult the service "
            + "documentation for details.";
    /** How far a request's date may be from the sandbox's clock, either way: AWS's 15 minutes. */
    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final HexFormat HEX = HexFormat.of();
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Function<String, AccessKey> keys;
    private final Clock clock;

    /**
     * A key the sandbox accepts: a static key's secret, or temporary credentials STS issued, with the
     * session token a request must carry and their expiry (both null for a static key).
     */
    record AccessKey(String secret, String sessionToken, Instant expiration) {
    }

    SigV4Verifier(Map<String, String> secretsByAccessKey, Clock clock) {
        this(staticKeys(secretsByAccessKey), clock);
    }

    /** @param keys the key of an access key id, or null for one the sandbox does not know */
    SigV4Verifier(Function<String, AccessKey> keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    static Function<String, AccessKey> staticKeys(Map<String, String> secretsByAccessKey) {
        Map<String, String> secrets = Map.copyOf(secretsByAccessKey);
        return id -> secrets.containsKey(id) ? new AccessKey(secrets.get(id), null, null) : null;
    }

    /**
     * What a verified signature establishes; the key and seed signature let an S3 aws-chunked body's
     * chunk signatures be checked against it.
     */
    record Signed(String accessKeyId, String amzDate, String scope, byte[] signingKey, String signature) {
    }

    /** The access key id of a correctly signed Route 53 request. */
    String verify(HttpRequest request) throws Route53Error {
        return verify(request, SERVICE).accessKeyId();
    }

    /**
     * Verifies a request signed for {@code service} (route53, iam, elasticloadbalancing, acm, s3), all
     * scoped to us-east-1 as the sandbox's services are.
     */
    Signed verify(HttpRequest request, String service) throws Route53Error {
        String authorization = request.header("Authorization");
        if (authorization == null) {
            throw Route53Error.sender(403, "MissingAuthenticationToken", "Missing Authentication Token");
        }
        if (!authorization.startsWith(ALGORITHM + " ")) {
            throw incomplete("Unsupported authorization type; the sandbox verifies " + ALGORITHM + " only");
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : authorization.substring(ALGORITHM.length() + 1).split(",")) {
            String field = part.strip();
            if (field.startsWith("Credential=")) {
                credential = field.substring("Credential=".length());
            } else if (field.startsWith("SignedHeaders=")) {
                signedHeaders = field.substring("SignedHeaders=".length());
            } else if (field.startsWith("Signature=")) {
                signature = field.substring("Signature=".length());
            }
        }
        if (credential == null || signedHeaders == null || signature == null) {
            throw incomplete("Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters. "
                    + "Authorization=" + authorization);
        }
        String[] scope = credential.split("/");
        if (scope.length != 5) {
            throw incomplete("Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/"
                    + "term, got '" + credential + "'");
        }
        String accessKey = scope[0];
        AccessKey known = keys.apply(accessKey);
        if (known == null || (known.sessionToken() != null && !known.sessionToken().equals(securityToken(request)))) {
            // temporary credentials without their session token, or with another, are as unknown to AWS
            throw Route53Error.sender(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
        }
        String secret = known.secret();
        String amzDate = requestDate(request);
        checkScope(scope, amzDate, service);
        checkSkew(amzDate, service);
        String credentialScope = scope[1] + "/" + scope[2] + "/" + scope[3] + "/" + scope[4];
        String canonical = service.equals("s3") ? SigV4CanonicalRequest.s3(request, signedHeaders)
                : SigV4CanonicalRequest.of(request, signedHeaders);
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + credentialScope + "\n"
                + HEX.formatHex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope[1]);
        key = hmac(key, scope[2]);
        key = hmac(key, scope[3]);
        key = hmac(key, scope[4]);
        byte[] expected = hmac(key, stringToSign);
        byte[] given;
        try {
            given = HEX.parseHex(signature);
        } catch (IllegalArgumentException e) {
            throw Route53Error.sender(403, "SignatureDoesNotMatch", SIGNATURE_MISMATCH);
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw Route53Error.sender(403, "SignatureDoesNotMatch", SIGNATURE_MISMATCH);
        }
        if (known.expiration() != null && !clock.instant().isBefore(known.expiration())) {
            throw expired(service);
        }
        return new Signed(accessKey, amzDate, credentialScope, key, signature);
    }

    /** The session token, sent as the X-Amz-Security-Token header or query parameter (never both). */
    private static String securityToken(HttpRequest request) {
        String header = request.header("X-Amz-Security-Token");
        return header != null ? header : QueryString.get(QueryString.parse(request.rawQuery()), "X-Amz-Security-Token");
    }

    /** Expired temporary credentials, in each protocol's words. */
    private static Route53Error expired(String service) {
        return switch (service) {
            case "s3" -> Route53Error.sender(400, "ExpiredToken", "The provided token has expired.");
            case "acm" -> Route53Error.sender(400, "ExpiredTokenException",
                    "The security token included in the request is expired");
            default -> Route53Error.sender(403, "ExpiredToken", "The security token included in the request is expired");
        };
    }

    /**
     * The request's date in the basic ISO 8601 form the string to sign uses: X-Amz-Date as sent, or
     * the Date header converted, as the SigV4 specification allows either.
     */
    private static String requestDate(HttpRequest request) throws Route53Error {
        String amzDate = request.header("X-Amz-Date");
        if (amzDate == null && request.header("Date") != null) {
            try {
                amzDate = BASIC.format(ZonedDateTime.parse(request.header("Date").strip(),
                        DateTimeFormatter.RFC_1123_DATE_TIME));
            } catch (DateTimeParseException e) {
                amzDate = null;
            }
        }
        if (amzDate == null || parse(amzDate) == null) {
            throw incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        return amzDate;
    }

    private static Instant parse(String basicDate) {
        try {
            return basicDate.length() == 16 ? Instant.from(BASIC.parse(basicDate)) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Refuses a request dated more than {@link #MAX_SKEW} before or after the sandbox's clock. */
    private void checkSkew(String amzDate, String service) throws Route53Error {
        Instant now = clock.instant();
        Instant signed = parse(amzDate);
        boolean expired = signed.isBefore(now.minus(MAX_SKEW));
        boolean early = signed.isAfter(now.plus(MAX_SKEW));
        if (!expired && !early) {
            return;
        }
        if (service.equals("s3")) {
            throw Route53Error.sender(403, "RequestTimeTooSkewed",
                    "The difference between the request time and the current time is too large.")
                    .withDetail("RequestTime", amzDate)
                    .withDetail("ServerTime", now.truncatedTo(ChronoUnit.SECONDS).toString())
                    .withDetail("MaxAllowedSkewMilliseconds", Long.toString(MAX_SKEW.toMillis()));
        }
        String minutes = MAX_SKEW.toMinutes() + " min.)";
        throw Route53Error.sender(403, "SignatureDoesNotMatch", expired
                ? "Signature expired: " + amzDate + " is now earlier than " + BASIC.format(now.minus(MAX_SKEW))
                        + " (" + BASIC.format(now) + " - " + minutes
                : "Signature not yet current: " + amzDate + " is still later than " + BASIC.format(now.plus(MAX_SKEW))
                        + " (" + BASIC.format(now) + " + " + minutes);
    }

    private static void checkScope(String[] scope, String amzDate, String service) throws Route53Error {
        if (!scope[1].equals(amzDate.substring(0, 8))) {
            throw Route53Error.sender(403, "SignatureDoesNotMatch", "Date in Credential scope does not match YYYYMMDD "
                    + "from ISO-8601 version of date from HTTP: '" + scope[1] + "' != '" + amzDate.substring(0, 8)
                    + "', from '" + amzDate + "'.");
        }
        // STS is regional: a client of sts.REGION.amazonaws.com signs for REGION (reference identity-and-fleet 3.5)
        boolean regionOk = service.equals("sts") ? scope[2].matches("[a-z]{2}(-[a-z]+)+-[0-9]") : scope[2].equals(REGION);
        if (!regionOk) {
            throw Route53Error.sender(403, "SignatureDoesNotMatch", "Credential should be scoped to a valid region, not '"
                    + scope[2] + "'. ");
        }
        if (!scope[3].equals(service)) {
            throw Route53Error.sender(403, "SignatureDoesNotMatch", "Credential should be scoped to correct service: '"
                    + service + "'. ");
        }
        if (!scope[4].equals("aws4_request")) {
            throw Route53Error.sender(403, "SignatureDoesNotMatch", "Credential should be scoped with a valid "
                    + "terminator: 'aws4_request', not '" + scope[4] + "'. ");
        }
    }

    private static Route53Error incomplete(String message) {
        return Route53Error.sender(403, "IncompleteSignature", message);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
