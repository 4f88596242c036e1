package dev.policygen.renew.notify;

import dev.policygen.UsageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where renew's outcomes are sent and when a failure counts as expiring: the targets (each webhook
 * with its own secret and CA files), and the days before expiry from which a failure is sent as
 * {@code expiring}, when given. They come from renew's options ({@code --notify}, repeatable, with
 * {@code --notify-secret-file}, {@code --notify-ca} and {@code --notify-expiring-days}) and from the
 * renew config's {@code notify} key; {@link #combinedWith} says how the two combine.
 *
 * @param expiringDaysGiven the days as given; {@link #expiringDays()} falls back to the default
 */
public record NotifySettings(List<NotifyTarget> targets, Optional<Integer> expiringDaysGiven) {
    /** Seven days: two more daily runs can still renew in time after the warning. */
    public static final int DEFAULT_EXPIRING_DAYS = 7;
    /** The most days of warning: a year, longer than any public certificate lives. */
    public static final int MAX_EXPIRING_DAYS = 365;
    public static final NotifySettings NONE = new NotifySettings(List.of(), Optional.empty());

    public NotifySettings {
        targets = once(targets);
    }

    /** The settings from the options' texts; a bad target or day count is a usage error naming it. */
    public static NotifySettings parse(List<String> targets, Optional<Path> secretFile, Optional<Path> caFile,
            int expiringDays) throws UsageException {
        return parse(targets, secretFile, caFile, Optional.of(expiringDays));
    }

    /**
     * The settings of renew's options: {@code secretFile} and {@code caFile} belong to the webhooks among
     * {@code targets}; {@code expiringDays} is empty when the option was not given.
     */
    public static NotifySettings parse(List<String> targets, Optional<Path> secretFile, Optional<Path> caFile,
            Optional<Integer> expiringDays) throws UsageException {
        if (expiringDays.isPresent() && (expiringDays.get() < 0 || expiringDays.get() > MAX_EXPIRING_DAYS)) {
            throw new UsageException(String.valueOf(expiringDays.get()), "--notify-expiring-days takes 0 to "
                    + MAX_EXPIRING_DAYS + ", not " + expiringDays.get());
        }
        List<NotifyTarget> parsed = new ArrayList<>();
        for (String target : targets) {
            NotifyTarget one = NotifyTarget.parse(target);
            parsed.add(one instanceof NotifyTarget.Webhook webhook ? webhook.with(secretFile, caFile) : one);
        }
        boolean webhooks = parsed.stream().anyMatch(t -> t instanceof NotifyTarget.Webhook);
        if (secretFile.isPresent() && !webhooks) {
            throw new UsageException("--notify-secret-file", "--notify-secret-file signs webhook bodies: give "
                    + "--notify https://URL too");
        }
        return new NotifySettings(parsed, expiringDays);
    }

    /**
     * These settings (the config's) with renew's options: the options' targets are added to these (a
     * receiver named both ways is sent to once, as the config has it), and the options' expiring days,
     * when given, override these.
     */
    public NotifySettings combinedWith(NotifySettings options) {
        List<NotifyTarget> all = new ArrayList<>(targets);
        all.addAll(options.targets);
        return new NotifySettings(all, options.expiringDaysGiven.or(() -> expiringDaysGiven));
    }

    /** The days before expiry from which a failed renewal is sent as {@code expiring}. */
    public int expiringDays() {
        return expiringDaysGiven.orElse(DEFAULT_EXPIRING_DAYS);
    }

    /** The SNS topics' ARNs, which generate's --notify-topic grants sns:Publish on. */
    public List<String> topicArns() {
        return targets.stream().filter(t -> t instanceof NotifyTarget.SnsTopic)
                .map(t -> ((NotifyTarget.SnsTopic) t).arn()).toList();
    }

    /** Each receiver once, the first time it is named. */
    private static List<NotifyTarget> once(List<NotifyTarget> targets) {
        Map<String, NotifyTarget> byIdentity = new LinkedHashMap<>();
        for (NotifyTarget target : targets) {
            byIdentity.putIfAbsent(target.identity(), target);
        }
        return List.copyOf(byIdentity.values());
    }
}
