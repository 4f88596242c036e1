package dev.policygen.renew.notify;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.io.InputFiles;
import dev.policygen.renew.report.RenewLog;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
    private final WebhookSender webhooks;

    private Notifier(NotifySettings settings, TopicPublisher topics, RenewLog log, WebhookSender webhooks) {
        this.settings = settings;
        this.topics = topics;
        this.log = log;
        this.webhooks = webhooks;
    }

    /**
     * @param tls the context that trusts {@code --notify-ca}, when given
     * @throws InputException when the secret file cannot be read or is empty
     */
    public static Notifier of(NotifySettings settings, TopicPublisher topics, RenewLog log, Optional<SSLContext> tls)
            throws InputException {
        Optional<byte[]> secret = Optional.empty();
        if (settings.secretFile().isPresent()) {
            String text = InputFiles.read(settings.secretFile().get(), "the webhook secret").strip();
            if (text.isEmpty()) {
                throw new InputException(settings.secretFile().get().toString(), SourcePosition.UNKNOWN,
                        "the webhook secret file is empty");
            }
            secret = Optional.of(text.getBytes(StandardCharsets.UTF_8));
        }
        return new Notifier(settings, topics, log, new WebhookSender(tls, secret));
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
        webhooks.send((NotifyTarget.Webhook) target, event);
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
