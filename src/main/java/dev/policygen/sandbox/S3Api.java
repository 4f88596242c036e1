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
 * S3 objects over REST-XML, path style ({@code /BUCKET/KEY}): GetObject, HeadObject and PutObject,
 * including the conditional write {@code If-None-Match: *} that fails with 412 when the key exists.
 * Errors are S3's {@code <Error>} documents; a HEAD error has no body, as S3 sends it.
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
                    + "HeadObject and PutObject on path-style /BUCKET/KEY only, not " + http.method() + " "
                    + http.path());
        }
        String operation = switch (http.method()) {
            case "GET" -> "GetObject";
            case "HEAD" -> "HeadObject";
            case "PUT" -> "PutObject";
            default -> throw Route53Error.sender(405, "MethodNotAllowed", "The specified method is not allowed "
                    + "against this resource.");
        };
        String action = operation.equals("PutObject") ? "s3:PutObject" : "s3:GetObject";
        Map<String, String> parameters = new HashMap<>(Map.of("Bucket", location[0], "Key", location[1]));
        if (operation.equals("PutObject")) {
            // the payload is checked with the signature, before authorization, as S3 does; its bytes
            // travel as ISO-8859-1 text, which maps every byte to one char and back
            parameters.put("Body", new String(AwsChunkedBody.payload(http, signature), StandardCharsets.ISO_8859_1));
        }
        return new ServiceCall(operation, action, "arn:aws:s3:::" + location[0] + "/" + location[1], parameters);
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
            return put(bucket, key, call.parameter("Body").getBytes(StandardCharsets.ISO_8859_1), http, requestId);
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

    private HttpResponse put(String bucket, String key, byte[] data, HttpRequest http, String requestId)
            throws Route53Error {
        String ifNoneMatch = http.header("If-None-Match");
        if (ifNoneMatch != null && !ifNoneMatch.strip().equals("*")) {
            throw Route53Error.sender(501, "NotImplemented", "A header you provided implies functionality that is "
                    + "not implemented");
        }
        if (ifNoneMatch != null && resources.object(bucket, key).isPresent()) {
            throw Route53Error.sender(412, "PreconditionFailed", "At least one of the pre-conditions you specified "
                    + "did not hold");
        }
        String type = http.header("Content-Type");
        String etag = "\"" + AwsSeed.md5(data) + "\"";
        resources.putObject(bucket, key, new AwsResources.StoredObject(data, etag, clock.instant(),
                type == null ? "binary/octet-stream" : type));
        return new HttpResponse(200, "application/xml", new byte[0], requestId, List.of(
                new HttpRequest.Header("x-amz-request-id", requestId), new HttpRequest.Header("ETag", etag)));
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
        } else if (code.equals("PreconditionFailed")) {
            XmlResponses.element(xml, "Condition", "If-None-Match");
        }
        error.details().forEach((element, value) -> XmlResponses.element(xml, element, value));
        XmlResponses.element(xml, "RequestId", requestId);
        XmlResponses.element(xml, "HostId", requestId);
        xml.append("</Error>");
        return new HttpResponse(error.status(), "application/xml", xml.toString().getBytes(StandardCharsets.UTF_8),
                requestId, headers);
    }
}
