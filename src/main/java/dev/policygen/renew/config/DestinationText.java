package dev.policygen.renew.config;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.json.JsonNode;
import dev.policygen.yaml.YamlTreeReader;

/**
 * One destination written as the renew config writes an entry of {@code destinations}, on its own
 * (YAML, so JSON too): {@code 'acm: {certificateArn: arn:aws:acm:...}'}. Read by the config's own
 * parser, so {@code policygen deliver --to} and a renew config accept exactly the same destinations
 * with the same checks and messages.
 */
public final class DestinationText {
    private DestinationText() {
    }

    /** The destination in {@code text}; {@code source} names it in messages (such as {@code --to #2}). */
    public static Destination parse(String text, String source) throws InputException {
        if (text.isBlank()) {
            throw new InputException(source, SourcePosition.UNKNOWN, "the destination is empty; write it as in "
                    + "a renew config, such as 'acm: {certificateArn: ARN}'");
        }
        JsonNode node = YamlTreeReader.read(text, source);
        return OwnSchema.destination(new ConfigTree(source), node);
    }
}
