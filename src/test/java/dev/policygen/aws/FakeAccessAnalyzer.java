package dev.policygen.aws;

import com.sun.net.httpserver.HttpExchange;
import dev.policygen.testing.LocalHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A local stand-in for the Access Analyzer endpoint on 127.0.0.1: it records every request exactly as it
 * arrived and answers with queued responses shaped like AWS's REST-JSON ones. With nothing queued it
 * answers 500, so an unexpected request fails the test instead of hanging it.
 */
public final class FakeAccessAnalyzer implements AutoCloseable {
    /** Static fake keys; SigV4 signs with them, nothing checks the signature's value. */
    public static final CredentialSource.Fixed KEYS = new CredentialSource.Fixed("AKIDPOLICYGENTEST", "fake-secret");
    /** Short delays so that retry tests take milliseconds. */
    public static final RetryPolicy FAST_RETRY =
            new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(10));

    /** One request as the server saw it; header names are case-insensitive. */
    public record Request(String method, String path, Optional<String> rawQuery, Map<String, String> headers,
            String body) {
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }
    }

    private record Response(int status, Optional<String> errorType, String body) {
    }

    private final LocalHttpServer server;
    private final Deque<Response> responses = new ArrayDeque<>();
    private final List<Request> requests = new ArrayList<>();

    public FakeAccessAnalyzer() throws IOException {
        server = LocalHttpServer.start(this::handle);
    }

    public URI endpoint() {
        return server.uri();
    }

    /** Settings for a client of this server: fixed keys, no shared files, fast retries. */
    public AnalyzerSettings settings() {
        return new AnalyzerSettings("us-east-1", Optional.of(endpoint()), KEYS, FAST_RETRY);
    }

    public FakeAccessAnalyzer answer(String json) {
        return enqueue(new Response(200, Optional.empty(), json));
    }

    /** An AWS error: the code goes in x-amzn-ErrorType, as Access Analyzer sends it. */
    public FakeAccessAnalyzer fail(int status, String errorType, String json) {
        return enqueue(new Response(status, Optional.of(errorType), json));
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private synchronized FakeAccessAnalyzer enqueue(Response response) {
        responses.add(response);
        return this;
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Response response;
        synchronized (this) {
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    Optional.ofNullable(exchange.getRequestURI().getRawQuery()), headers, body));
            response = responses.isEmpty()
                    ? new Response(500, Optional.of("InternalServerException"), "{\"message\":\"no response queued\"}")
                    : responses.poll();
        }
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("x-amzn-RequestId", "5d1f6f4e-0000-4000-8000-000000000000");
        response.errorType().ifPresent(type -> exchange.getResponseHeaders().add("x-amzn-ErrorType", type));
        if (response.status() == 429) {
            exchange.getResponseHeaders().add("Retry-After", "0");
        }
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
