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
                    + "through --notify-topic), https://URL receives the JSON body as a POST. A failed notification "
                    + "is logged and never changes the outcome or exit code. Repeatable.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--notify-secret-file", paramLabel = "FILE",
            description = "A shared secret: webhook POSTs carry X-Policygen-Signature: sha256=HEX, the HMAC-SHA256 "
                    + "of the body under the file's text (surrounding whitespace stripped).")
    Path secretFile;

    @Option(names = "--notify-ca", paramLabel = "FILE",
            description = "Trust only the CA certificates in this PEM file for the webhooks' HTTPS (private CAs).")
    Path caFile;

    @Option(names = "--notify-expiring-days", paramLabel = "N", defaultValue = "7",
            description = "A failed renewal whose certificate in service expires within N days is sent as "
                    + "'expiring' instead of 'failed'. Default: ${DEFAULT-VALUE}.")
    int expiringDays = NotifySettings.DEFAULT_EXPIRING_DAYS;

    NotifySettings settings() throws UsageException {
        return NotifySettings.parse(targets, Optional.ofNullable(secretFile), Optional.ofNullable(caFile),
                expiringDays);
    }
}
