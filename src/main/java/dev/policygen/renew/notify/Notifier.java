package dev.policygen.renew.notify;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.io.InputFiles;
import dev.policygen.renew.report.RenewLog;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Sends a pass's events to every target, one request per event and target. A notification that
 * fails is one {@code notify.failed} log line: it never fails the renewal nor changes the exit code,
 * because the certificate is already delivered (or already failed, which the exit code reports).
 */
public final class Notifier {
    private final NotifySettings settings;
    private final TopicPublisher topics;
    private final RenewLog log;
    /** Each webhook's sender, with its own secret and trusted CAs. */
    private final Map<NotifyTarget, WebhookSender> webhooks;

    private Notifier(NotifySettings settings, TopicPublisher topics, RenewLog log,
            Map<NotifyTarget, WebhookSender> webhooks) {
        this.settings = settings;
        this.topics = topics;
        this.log = log;
        this.webhooks = Map.copyOf(webhooks);
    }

    /** Builds the TLS context that trusts only a CA file's certificates (renew's one way to read one). */
    @FunctionalInterface
    public interface CaTrust {
        SSLContext trusting(Path caFile) throws InputException;
    }

    /**
     * Reads every webhook's secret file and CA file before anything is sent, so a missing file is the
     * run's bad input (exit 3), never a silent unsigned or unverified POST.
     *
     * @throws InputException when a secret file cannot be read or is empty, or a CA file holds no certificate
     */
    public static Notifier of(NotifySettings settings, TopicPublisher topics, RenewLog log, CaTrust trust)
            throws InputException {
        Map<Path, byte[]> secrets = new HashMap<>();
        Map<Path, SSLContext> contexts = new HashMap<>();
        Map<NotifyTarget, WebhookSender> senders = new HashMap<>();
        for (NotifyTarget target : settings.targets()) {
            if (target instanceof NotifyTarget.Webhook webhook) {
                Optional<byte[]> secret = Optional.empty();
                if (webhook.secretFile().isPresent()) {
                    Path file = webhook.secretFile().get();
                    if (!secrets.containsKey(file)) {
                        secrets.put(file, secret(file));
                    }
                    secret = Optional.of(secrets.get(file));
                }
                Optional<SSLContext> tls = Optional.empty();
                if (webhook.caFile().isPresent()) {
                    Path file = webhook.caFile().get();
                    if (!contexts.containsKey(file)) {
                        contexts.put(file, trust.trusting(file));
                    }
                    tls = Optional.of(contexts.get(file));
                }
                senders.put(webhook, new WebhookSender(tls, secret));
            }
        }
        return new Notifier(settings, topics, log, senders);
    }

    private static byte[] secret(Path file) throws InputException {
        String text = InputFiles.read(file, "the webhook secret").strip();
        if (text.isEmpty()) {
            throw new InputException(file.toString(), SourcePosition.UNKNOWN, "the webhook secret file is empty");
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public boolean any() {
        return !settings.targets().isEmpty();
    }

    public NotifySettings settings() {
        return settings;
    }

    /** Sends each event to each target; returns how many were sent (for tests and the log). */
    public int send(List<NotifyEvent> events) throws InterruptedException {
        int sent = 0;
        for (NotifyEvent event : events) {
            for (NotifyTarget target : settings.targets()) {
                try {
                    String id = deliver(target, event);
                    sent++;
                    log.info("notify", "event", event.kind().wire(), "cert", event.certificate(), "target",
                            target.display(), "message-id", id);
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    log.warn("notify.failed", "event", event.kind().wire(), "cert", event.certificate(), "target",
                            target.display(), "error", reason(e));
                }
            }
        }
        return sent;
    }

    private String deliver(NotifyTarget target, NotifyEvent event) throws Exception {
        if (target instanceof NotifyTarget.SnsTopic topic) {
            return topics.publish(topic.arn(), event.subject(), event.json());
        }
        webhooks.get(target).send((NotifyTarget.Webhook) target, event);
        return "";
    }

    /** One line: a refused connection or timeout says so, since the JDK's own text is often empty. */
    static String reason(Exception e) {
        if (e instanceof ConnectException) {
            return "connection refused or unreachable" + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within the timeout";
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse(message);
    }
}
