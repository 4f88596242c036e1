package dev.policygen.renew.notify;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;

/**
 * POSTs an event's JSON body to a webhook. With a shared secret the body is signed:
 * {@code X-Policygen-Signature: sha256=HEX}, the HMAC-SHA256 of the exact body bytes under the secret, so a
 * receiver recomputes it over what it read and compares in constant time (the scheme GitHub's webhooks
 * use). The secret itself never goes over the wire.
 */
final class WebhookSender {
    static final String SIGNATURE_HEADER = "X-Policygen-Signature";
    static final String EVENT_HEADER = "X-Policygen-Event";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;
    private final Optional<byte[]> secret;

    WebhookSender(Optional<SSLContext> tls, Optional<byte[]> secret) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER);
        tls.ifPresent(builder::sslContext);
        this.client = builder.build();
        this.secret = secret.map(byte[]::clone);
    }

    /** Sends the event; a status other than 2xx, or no answer, is an IOException saying which. */
    void send(NotifyTarget.Webhook target, NotifyEvent event) throws IOException, InterruptedException {
        byte[] body = event.json().getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(target.uri()).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header(EVENT_HEADER, event.kind().wire())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (secret.isPresent()) {
            request.header(SIGNATURE_HEADER, signature(secret.get(), body));
        }
        HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the webhook answered HTTP " + response.statusCode());
        }
    }

    /** {@code sha256=} and the lower-case hex HMAC-SHA256 of {@code body} under {@code secret}. */
    static String signature(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
