package dev.policygen.renew;

import dev.policygen.InputException;
import dev.policygen.renew.account.AcmeSessions;
import dev.policygen.renew.notify.NotifyEvent;
import dev.policygen.renew.notify.NotifySettings;
import dev.policygen.renew.notify.Notifier;
import dev.policygen.renew.notify.TopicPublisher;
import dev.policygen.renew.report.RenewLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The events of a pass's results (renew --notify): a renewed certificate is {@code renewed}; a failed
 * one is {@code expiring} when the certificate in service ends within the settings' days, else
 * {@code failed}; one not due sends nothing. One event per certificate, so a subscriber is told once.
 */
final class PassNotifications {
    private PassNotifications() {
    }

    static List<NotifyEvent> events(List<CertificateResult> results, Instant now, int expiringDays) {
        List<NotifyEvent> events = new ArrayList<>();
        Instant warnFrom = now.plus(Duration.ofDays(expiringDays));
        for (CertificateResult result : results) {
            switch (result.outcome()) {
                case RENEWED -> events.add(new NotifyEvent(NotifyEvent.Kind.RENEWED, result.certificate(),
                        result.expiry(), result.locations(), Optional.empty(), now));
                case FAILED -> {
                    boolean expiring = result.expiry().isPresent() && !result.expiry().get().isAfter(warnFrom);
                    events.add(new NotifyEvent(expiring ? NotifyEvent.Kind.EXPIRING : NotifyEvent.Kind.FAILED,
                            result.certificate(), result.expiry(), List.of(), Optional.of(result.detail()), now));
                }
                case SKIPPED -> {
                }
            }
        }
        return events;
    }

    /**
     * Sends the events of {@code results} to the settings' targets; SNS publishes go through
     * {@code topics} (the pass's guard). Nothing is sent in a dry run, which changes nothing anywhere.
     */
    static void send(NotifySettings settings, List<CertificateResult> results, boolean dryRun, TopicPublisher topics,
            RenewLog log, Instant now) throws InputException, InterruptedException {
        if (settings.targets().isEmpty() || dryRun) {
            return;
        }
        Notifier notifier = Notifier.of(settings, topics, log, AcmeSessions::trusting);
        notifier.send(events(results, now, settings.expiringDays()));
    }
}
