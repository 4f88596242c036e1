package dev.policygen.cli;

import dev.policygen.UsageException;
import dev.policygen.renew.notify.NotifySettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** renew's notification options (a picocli mixin); their meaning is {@link NotifySettings}'. */
final class NotifyOptions {
    @Option(names = "--notify", paramLabel = "URI",
            description = "Send each certificate's outcome (renewed, failed, expiring) here: sns:arn:PARTITION:sns:"
                    + "REGION:ACCOUNT:TOPIC publishes to the topic (sns:Publish, which the generated policy grants "
                    + "through --notify-topic), https://URL receives the JSON body as a POST. Added to the targets "
                    + "of the config's notify key. A failed notification "
                    + "is logged and never changes the outcome or exit code. Repeatable.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--notify-secret-file", paramLabel = "FILE",
            description = "A shared secret for the --notify webhooks (a config target has its own secretFile): "
                    + "webhook POSTs carry X-Policygen-Signature: sha256=HEX, the HMAC-SHA256 "
                    + "of the body under the file's text (surrounding whitespace stripped).")
    Path secretFile;

    @Option(names = "--notify-ca", paramLabel = "FILE",
            description = "Trust only the CA certificates in this PEM file for the --notify webhooks' HTTPS (private "
                    + "CAs); a config target has its own caFile.")
    Path caFile;

    @Option(names = "--notify-expiring-days", paramLabel = "N",
            description = "A failed renewal whose certificate in service expires within N days is sent as "
                    + "'expiring' instead of 'failed'. Overrides the config's notify.expiringDays. Default: the "
                    + "config's, else " + NotifySettings.DEFAULT_EXPIRING_DAYS + ".")
    Integer expiringDays;

    NotifySettings settings() throws UsageException {
        return NotifySettings.parse(targets, Optional.ofNullable(secretFile), Optional.ofNullable(caFile),
                Optional.ofNullable(expiringDays));
    }
}
