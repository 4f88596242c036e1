package dev.policygen.renew.config;

import dev.policygen.InputException;
import dev.policygen.UsageException;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonNode.JsonArray;
import dev.policygen.json.JsonNode.JsonObject;
import dev.policygen.json.JsonNode.JsonString;
import dev.policygen.renew.notify.NotifySettings;
import dev.policygen.renew.notify.NotifyTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code notify} key of policygen's own renew config: {@code targets}, each a URI as renew's
 * {@code --notify} takes it or, for a webhook with its own files, {@code {uri, secretFile, caFile}};
 * and {@code expiringDays}. The targets are checked as the option checks them (the same
 * {@link NotifyTarget} parse), with the error at the value's line and column.
 */
final class NotifySchema {
    private static final Set<String> NOTIFY = Set.of("targets", "expiringDays");
    private static final Set<String> TARGET = Set.of("uri", "secretFile", "caFile");
    private static final String WHAT = "notify target";

    private NotifySchema() {
    }

    static NotifySettings read(ConfigTree tree, JsonNode node) throws InputException {
        JsonObject notify = tree.object(node, "notify", NOTIFY);
        JsonArray targetsNode = tree.array(tree.required(notify, "targets", "notify"), "targets of notify");
        if (targetsNode.elements().isEmpty()) {
            throw tree.error(targetsNode.position(), "targets of notify is empty; name at least one sns:ARN or "
                    + "https://URL, or leave notify out");
        }
        List<NotifyTarget> targets = new ArrayList<>();
        for (JsonNode element : targetsNode.elements()) {
            targets.add(target(tree, element));
        }
        Optional<Integer> days = Optional.empty();
        if (notify.get("expiringDays").isPresent()) {
            days = Optional.of(tree.integer(notify.get("expiringDays").get(), "expiringDays of notify", 0,
                    NotifySettings.MAX_EXPIRING_DAYS));
        }
        return new NotifySettings(targets, days);
    }

    private static NotifyTarget target(ConfigTree tree, JsonNode node) throws InputException {
        if (node instanceof JsonString) {
            return parse(tree, node);
        }
        JsonObject object = tree.object(node, "a notify target (a URI, or an object with uri, secretFile and "
                + "caFile)", TARGET);
        JsonNode uriNode = tree.required(object, "uri", "a notify target");
        NotifyTarget target = parse(tree, uriNode);
        Optional<Path> secretFile = file(tree, object, "secretFile");
        Optional<Path> caFile = file(tree, object, "caFile");
        if (target instanceof NotifyTarget.Webhook webhook) {
            return webhook.with(secretFile, caFile);
        }
        JsonNode extra = object.get("secretFile").or(() -> object.get("caFile")).orElse(null);
        if (extra != null) {
            throw tree.error(extra.position(), "secretFile and caFile belong to https webhooks, not to "
                    + target.display());
        }
        return target;
    }

    private static NotifyTarget parse(ConfigTree tree, JsonNode node) throws InputException {
        String text = tree.string(node, WHAT);
        try {
            return NotifyTarget.parse(text, WHAT);
        } catch (UsageException e) {
            throw tree.error(node.position(), e.getMessage());
        }
    }

    private static Optional<Path> file(ConfigTree tree, JsonObject object, String key) throws InputException {
        if (object.get(key).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Path.of(tree.string(object.get(key).get(), key)));
    }
}
