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
     * The pass's notifier, built before the pass so that an unreadable secret or CA file is the run's bad
     * input (exit 3) before any order, never a surprise after certificates were delivered; empty when
     * nothing is to be sent (no target, or a dry run, which changes nothing anywhere). SNS publishes go
     * through {@code topics} (the pass's guard).
     */
    static Optional<Notifier> prepare(NotifySettings settings, boolean dryRun, TopicPublisher topics, RenewLog log)
            throws InputException {
        if (settings.targets().isEmpty() || dryRun) {
            return Optional.empty();
        }
        return Optional.of(Notifier.of(settings, topics, log, AcmeSessions::trusting));
    }

    /** Sends the events of {@code results} to the notifier's targets; a failure is a log line. */
    static void send(Optional<Notifier> notifier, List<CertificateResult> results, Instant now)
            throws InterruptedException {
        if (notifier.isPresent()) {
            notifier.get().send(events(results, now, notifier.get().settings().expiringDays()));
        }
    }
}
