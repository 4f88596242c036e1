package dev.policygen.renew.acme;

import com.sun.net.httpserver.HttpExchange;
import dev.policygen.testing.LocalHttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ACME directory over plain HTTP on 127.0.0.1 (acme4j accepts http:// directories) that answers
 * just enough for login and renewal information, with scripted answers: what Pebble 2.4 cannot
 * show (it offers no ARI and never rate-limits).
 */
final class StubAcmeServer implements AutoCloseable {
    /** One scripted answer to a renewal-information request. */
    record Answer(int status, String retryAfter, String contentType, String body) {
        static Answer window(String start, String end, String retryAfter) {
            return new Answer(200, retryAfter, "application/json", "{\"suggestedWindow\": {\"start\": \"" + start
                    + "\", \"end\": \"" + end + "\"}, \"explanationURL\": \"https://ca.example/why\"}");
        }

        static Answer rateLimited(String retryAfter) {
            return new Answer(429, retryAfter, "application/problem+json", "{\"type\": "
                    + "\"urn:ietf:params:acme:error:rateLimited\", \"detail\": \"too many renewal information requests\"}");
        }
    }

    private final LocalHttpServer server;
    private final boolean renewalInfo;
    private final boolean accountExists;
    final Deque<Answer> answers = new ArrayDeque<>();
    final List<String> renewalInfoPaths = new ArrayList<>();
    /** The JWS payloads of the new-order requests, decoded. */
    final List<String> orderPayloads = new ArrayList<>();
    /** Existing orders at {@code /order/ID}: id to status; an id not here answers 404. */
    final Map<String, String> orderStatuses = new HashMap<>();
    /** Whether to refuse the next order naming a replaced certificate as alreadyReplaced. */
    boolean alreadyReplaced;

    StubAcmeServer(boolean renewalInfo, boolean accountExists) throws IOException {
        this.renewalInfo = renewalInfo;
        this.accountExists = accountExists;
        server = LocalHttpServer.start(this::handle);
    }

    URI directory() {
        return URI.create(base() + "/dir");
    }

    private String base() {
        return server.uri().toString();
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            exchange.getResponseHeaders().add("Replay-Nonce", UUID.randomUUID().toString().replace("-", ""));
            if (path.equals("/dir")) {
                String ari = renewalInfo ? ", \"renewalInfo\": \"" + base() + "/ari\"" : "";
                send(exchange, 200, "application/json", "{\"newNonce\": \"" + base() + "/nonce\", \"newAccount\": \""
                        + base() + "/account\", \"newOrder\": \"" + base() + "/order\"" + ari + "}");
            } else if (path.equals("/nonce")) {
                exchange.sendResponseHeaders(200, -1);
            } else if (path.equals("/account") && accountExists) {
                exchange.getResponseHeaders().add("Location", base() + "/account/1");
                send(exchange, 200, "application/json", "{\"status\": \"valid\"}");
            } else if (path.equals("/account")) {
                send(exchange, 400, "application/problem+json", "{\"type\": "
                        + "\"urn:ietf:params:acme:error:accountDoesNotExist\", \"detail\": \"no such account\"}");
            } else if (path.equals("/order")) {
                newOrder(exchange, request);
            } else if (path.startsWith("/order/") && orderStatuses.containsKey(path.substring("/order/".length()))) {
                send(exchange, 200, "application/json", "{\"status\": \""
                        + orderStatuses.get(path.substring("/order/".length())) + "\", \"identifiers\": [{\"type\": "
                        + "\"dns\", \"value\": \"example.test\"}], \"authorizations\": [], \"finalize\": \""
                        + base() + "/finalize/1\"}");
            } else if (path.startsWith("/ari/") && !answers.isEmpty()) {
                renewalInfoPaths.add(path);
                Answer answer = answers.removeFirst();
                if (answer.retryAfter() != null) {
                    exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
                }
                send(exchange, answer.status(), answer.contentType(), answer.body());
            } else {
                send(exchange, 404, "application/problem+json", "{\"type\": \"about:blank\", \"detail\": \"not here\"}");
            }
        }
    }

    private void newOrder(HttpExchange exchange, String request) throws IOException {
        Matcher payload = Pattern.compile("\"payload\"\\s*:\\s*\"([^\"]*)\"").matcher(request);
        String json = payload.find() ? new String(Base64.getUrlDecoder().decode(payload.group(1)), StandardCharsets.UTF_8)
                : "";
        orderPayloads.add(json);
        if (alreadyReplaced && json.contains("\"replaces\"")) {
            alreadyReplaced = false;
            send(exchange, 409, "application/problem+json", "{\"type\": \"urn:ietf:params:acme:error:alreadyReplaced\", "
                    + "\"detail\": \"the certificate was already replaced\"}");
            return;
        }
        exchange.getResponseHeaders().add("Location", base() + "/order/1");
        send(exchange, 201, "application/json", "{\"status\": \"pending\", \"identifiers\": [{\"type\": \"dns\", "
                + "\"value\": \"example.test\"}], \"authorizations\": [], \"finalize\": \"" + base() + "/finalize/1\"}");
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
