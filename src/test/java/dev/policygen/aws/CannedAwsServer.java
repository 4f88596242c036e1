package dev.policygen.aws;

import com.sun.net.httpserver.HttpExchange;
import dev.policygen.testing.LocalHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A local HTTP server on 127.0.0.1 that stands in for any AWS endpoint in tests: it records every
 * request as it arrived and answers with queued canned responses (XML for the query and S3
 * protocols, JSON for ACM). With nothing queued it answers 500, so an unexpected request fails the
 * test instead of hanging it.
 */
public final class CannedAwsServer implements AutoCloseable {
    /** Static fake keys; the SDK signs with them, nothing checks the signature. */
    public static final CredentialSource.Fixed KEYS = new CredentialSource.Fixed("AKIDPOLICYGENTEST", "fake-secret");

    /** One request as the server saw it; header names are case-insensitive. */
    public record Request(String method, String path, Optional<String> rawQuery, Map<String, String> headers,
            byte[] body) {
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The body of a query-protocol request (IAM, ELB) as decoded form fields, in order. */
        public Map<String, String> form() {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String pair : text().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return fields;
        }
    }

    private record Response(int status, String contentType, byte[] body) {
    }

    private final LocalHttpServer server;
    private final Deque<Response> responses = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();

    public CannedAwsServer() throws IOException {
        server = LocalHttpServer.start(this::handle);
    }

    public URI endpoint() {
        return server.uri();
    }

    /** Services with this server as the endpoint of every AWS service, fake keys, region eu-west-1. */
    public SdkAwsServices services() throws Exception {
        return SdkAwsServices.builder(KEYS).region("eu-west-1").endpoint(Optional.of(endpoint())).build();
    }

    public CannedAwsServer xml(int status, String body) {
        return enqueue(new Response(status, "text/xml", body.getBytes(StandardCharsets.UTF_8)));
    }

    public CannedAwsServer json(int status, String body) {
        return enqueue(new Response(status, "application/x-amz-json-1.1", body.getBytes(StandardCharsets.UTF_8)));
    }

    public CannedAwsServer bytes(int status, byte[] body) {
        return enqueue(new Response(status, "application/octet-stream", body));
    }

    /** An error of the query protocol (IAM, classic ELB, ELBv2). */
    public CannedAwsServer queryError(int status, String code, String message) {
        return xml(status, "<ErrorResponse><Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message
                + "</Message></Error><RequestId>0d9f2f4e-0000-4000-8000-000000000000</RequestId></ErrorResponse>");
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The only request so far. */
    public Request single() {
        List<Request> all = requests();
        if (all.size() != 1) {
            throw new AssertionError("expected one request, got " + all.size());
        }
        return all.get(0);
    }

    private synchronized CannedAwsServer enqueue(Response response) {
        responses.add(response);
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        byte[] body = exchange.getRequestBody().readAllBytes();
        Response response;
        synchronized (this) {
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    Optional.ofNullable(exchange.getRequestURI().getRawQuery()), headers, body));
            response = responses.isEmpty()
                    ? new Response(500, "text/xml", ("<Error><Code>InternalError</Code><Message>no response queued"
                            + "</Message></Error>").getBytes(StandardCharsets.UTF_8))
                    : responses.poll();
        }
        exchange.getResponseHeaders().add("Content-Type", response.contentType());
        exchange.getResponseHeaders().add("x-amzn-RequestId", "0d9f2f4e-0000-4000-8000-000000000000");
        exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
