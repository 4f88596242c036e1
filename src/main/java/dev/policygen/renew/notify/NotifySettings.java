package dev.policygen.renew.notify;

import dev.policygen.UsageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * renew's notification options: the targets ({@code --notify}, repeatable), the webhook secret file
 * ({@code --notify-secret-file}), the CA file a webhook's HTTPS is verified with besides the system's
 * ({@code --notify-ca}), and how many days before expiry a failure is reported as expiring
 * ({@code --notify-expiring-days}).
 */
public record NotifySettings(List<NotifyTarget> targets, Optional<Path> secretFile, Optional<Path> caFile,
        int expiringDays) {
    /** Seven days: two more daily runs can still renew in time after the warning. */
    public static final int DEFAULT_EXPIRING_DAYS = 7;
    public static final NotifySettings NONE = new NotifySettings(List.of(), Optional.empty(), Optional.empty(),
            DEFAULT_EXPIRING_DAYS);

    public NotifySettings {
        targets = List.copyOf(targets);
    }

    /** The settings from the options' texts; a bad target or day count is a usage error naming it. */
    public static NotifySettings parse(List<String> targets, Optional<Path> secretFile, Optional<Path> caFile,
            int expiringDays) throws UsageException {
        if (expiringDays < 0 || expiringDays > 365) {
            throw new UsageException(String.valueOf(expiringDays), "--notify-expiring-days takes 0 to 365, not "
                    + expiringDays);
        }
        List<NotifyTarget> parsed = new ArrayList<>();
        for (String target : targets) {
            NotifyTarget one = NotifyTarget.parse(target);
            if (!parsed.contains(one)) {
                parsed.add(one);
            }
        }
        boolean webhooks = parsed.stream().anyMatch(t -> t instanceof NotifyTarget.Webhook);
        if (secretFile.isPresent() && !webhooks) {
            throw new UsageException("--notify-secret-file", "--notify-secret-file signs webhook bodies: give "
                    + "--notify https://URL too");
        }
        return new NotifySettings(parsed, secretFile, caFile, expiringDays);
    }

    /** The SNS topics' ARNs, which generate's --notify-topic grants sns:Publish on. */
    public List<String> topicArns() {
        return targets.stream().filter(t -> t instanceof NotifyTarget.SnsTopic)
                .map(t -> ((NotifyTarget.SnsTopic) t).arn()).toList();
    }
}
