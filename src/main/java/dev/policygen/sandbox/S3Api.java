package dev.policygen.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * S3 objects over REST-XML, path style ({@code /BUCKET/KEY}): GetObject, HeadObject, PutObject and
 * DeleteObject, with S3's conditional writes: PutObject with {@code If-None-Match: *} (412 when the key
 * exists) or {@code If-Match: ETAG} (412 when the object's ETag differs, 404 when there is none), and
 * DeleteObject with {@code If-Match} ({@code *} or an ETag). The headers reach the policy as the
 * {@code s3:if-none-match} and {@code s3:if-match} condition keys (ServiceCall#context). Errors are S3's
 * {@code <Error>} documents; a HEAD error has no body, as S3 sends it.
 */
final class S3Api implements ServiceApi {
    private final AwsResources resources;
    private final Clock clock;

    S3Api(AwsResources resources, Clock clock) {
        this.resources = resources;
        this.clock = clock;
    }

    @Override
    public ServiceCall parse(HttpRequest http, SigV4Verifier.Signed signature) throws Route53Error {
        String[] location = location(http);
        if (location == null) {
            throw Route53Error.sender(501, "NotImplemented", "The policygen sandbox emulates S3's GetObject, "
                    + "HeadObject, PutObject and DeleteObject on path-style /BUCKET/KEY only, not " + http.method() + " "
                    + http.path());
        }
        String operation = switch (http.method()) {
            case "GET" -> "GetObject";
            case "HEAD" -> "HeadObject";
            case "PUT" -> "PutObject";
            case "DELETE" -> "DeleteObject";
            default -> throw Route53Error.sender(405, "MethodNotAllowed", "The specified method is not allowed "
                    + "against this resource.");
        };
        String action = switch (operation) {
            case "PutObject" -> "s3:PutObject";
            case "DeleteObject" -> "s3:DeleteObject";
            default -> "s3:GetObject";
        };
        Map<String, String> parameters = new HashMap<>(Map.of("Bucket", location[0], "Key", location[1]));
        if (!operation.equals("GetObject") && !operation.equals("HeadObject")) {
            // the conditional-write headers, which the policy sees as s3:if-match and s3:if-none-match
            putHeader(parameters, http, ServiceCall.IF_MATCH);
            putHeader(parameters, http, ServiceCall.IF_NONE_MATCH);
        }
        if (operation.equals("PutObject")) {
            // the payload is checked with the signature, before authorization, as S3 does; its bytes
            // travel as ISO-8859-1 text, which maps every byte to one char and back
            parameters.put("Body", new String(AwsChunkedBody.payload(http, signature), StandardCharsets.ISO_8859_1));
        }
        return new ServiceCall(operation, action, "arn:aws:s3:::" + location[0] + "/" + location[1], parameters);
    }

    private static void putHeader(Map<String, String> parameters, HttpRequest http, String header) {
        String value = http.header(header);
        if (value != null) {
            parameters.put(header, value.strip());
        }
    }

    /** Bucket and key of a path-style request, or null when the path names no object. */
    private static String[] location(HttpRequest http) {
        String path = QueryString.decode(http.path(), false);
        int slash = path.indexOf('/', 1);
        if (!path.startsWith("/") || slash < 0 || slash == path.length() - 1) {
            return null;
        }
        return new String[] {path.substring(1, slash), path.substring(slash + 1)};
    }

    @Override
    public HttpResponse execute(ServiceCall call, HttpRequest http, String requestId) throws Route53Error {
        String bucket = call.parameter("Bucket");
        String key = call.parameter("Key");
        if (!resources.bucketExists(bucket)) {
            throw Route53Error.sender(404, "NoSuchBucket", "The specified bucket does not exist");
        }
        if (call.operation().equals("PutObject")) {
            return put(bucket, key, call.parameter("Body").getBytes(StandardCharsets.ISO_8859_1), call, http,
                    requestId);
        }
        if (call.operation().equals("DeleteObject")) {
            return delete(bucket, key, call, requestId);
        }
        AwsResources.StoredObject object = resources.object(bucket, key).orElseThrow(() -> Route53Error.sender(404,
                "NoSuchKey", "The specified key does not exist."));
        List<HttpRequest.Header> headers = new ArrayList<>(List.of(new HttpRequest.Header("x-amz-request-id",
                requestId), new HttpRequest.Header("ETag", object.etag()),
                new HttpRequest.Header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        object.lastModified().atOffset(ZoneOffset.UTC)))));
        byte[] data = object.data();
        if (call.operation().equals("HeadObject")) {
            headers.add(new HttpRequest.Header("Content-Length", Integer.toString(data.length)));
            data = new byte[0];
        }
        return new HttpResponse(200, object.contentType(), data, requestId, headers);
    }

    private HttpResponse put(String bucket, String key, byte[] data, ServiceCall call, HttpRequest http,
            String requestId) throws Route53Error {
        String ifNoneMatch = call.parameter(ServiceCall.IF_NONE_MATCH);
        String ifMatch = call.parameter(ServiceCall.IF_MATCH);
        if (ifNoneMatch != null && !ifNoneMatch.equals("*")) {
            throw Route53Error.sender(501, "NotImplemented", "A header you provided implies functionality that is "
                    + "not implemented");
        }
        if (ifNoneMatch != null && resources.object(bucket, key).isPresent()) {
            throw preconditionFailed(ServiceCall.IF_NONE_MATCH);
        }
        if (ifMatch != null) {
            matchOrFail(bucket, key, ifMatch);
        }
        String type = http.header("Content-Type");
        String etag = "\"" + AwsSeed.md5(data) + "\"";
        resources.putObject(bucket, key, new AwsResources.StoredObject(data, etag, clock.instant(),
                type == null ? "binary/octet-stream" : type));
        return new HttpResponse(200, "application/xml", new byte[0], requestId, List.of(
                new HttpRequest.Header("x-amz-request-id", requestId), new HttpRequest.Header("ETag", etag)));
    }

    /**
     * DeleteObject: without If-Match a missing key is no error (204, as S3 answers); with it, a missing
     * key is 404 NoSuchKey and another ETag 412, so a lease is released only by the writer that holds it.
     */
    private HttpResponse delete(String bucket, String key, ServiceCall call, String requestId) throws Route53Error {
        String ifMatch = call.parameter(ServiceCall.IF_MATCH);
        if (ifMatch != null) {
            matchOrFail(bucket, key, ifMatch);
        }
        resources.deleteObject(bucket, key);
        return new HttpResponse(204, "application/xml", new byte[0], requestId, List.of(
                new HttpRequest.Header("x-amz-request-id", requestId)));
    }

    /** If-Match: {@code *} matches any object, an ETag (quoted or not) only the object that has it. */
    private void matchOrFail(String bucket, String key, String ifMatch) throws Route53Error {
        AwsResources.StoredObject current = resources.object(bucket, key).orElseThrow(() -> Route53Error.sender(404,
                "NoSuchKey", "The specified key does not exist."));
        if (!ifMatch.equals("*") && !unquoted(ifMatch).equals(unquoted(current.etag()))) {
            throw preconditionFailed(ServiceCall.IF_MATCH);
        }
    }

    private static String unquoted(String etag) {
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                ? etag.substring(1, etag.length() - 1) : etag;
    }

    private static Route53Error preconditionFailed(String header) {
        Route53Error error = Route53Error.sender(412, "PreconditionFailed", "At least one of the pre-conditions you "
                + "specified did not hold");
        return error.withDetail("Condition", header);
    }

    @Override
    public HttpResponse error(Route53Error error, HttpRequest http, String requestId) {
        String code = switch (error.code()) {
            case "InternalFailure" -> "InternalError";
            case "InvalidClientTokenId" -> "InvalidAccessKeyId";
            case "IncompleteSignature" -> "AuthorizationHeaderMalformed";
            default -> error.code();
        };
        List<HttpRequest.Header> headers = List.of(new HttpRequest.Header("x-amz-request-id", requestId));
        if (http.method().equals("HEAD")) {
            return new HttpResponse(error.status(), "application/xml", new byte[0], requestId, headers);
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>");
        XmlResponses.element(xml, "Code", code);
        XmlResponses.element(xml, "Message", String.join("; ", error.messages()));
        String[] location = location(http);
        if (location != null && code.equals("NoSuchKey")) {
            XmlResponses.element(xml, "Key", location[1]);
        } else if (location != null && code.equals("NoSuchBucket")) {
            XmlResponses.element(xml, "BucketName", location[0]);
        }
        error.details().forEach((element, value) -> XmlResponses.element(xml, element, value));
        XmlResponses.element(xml, "RequestId", requestId);
        XmlResponses.element(xml, "HostId", requestId);
        xml.append("</Error>");
        return new HttpResponse(error.status(), "application/xml", xml.toString().getBytes(StandardCharsets.UTF_8),
                requestId, headers);
    }
}
