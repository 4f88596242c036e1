package dev.policygen.yaml;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.policygen.InputException;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import java.io.IOException;

/**
 * Reads YAML (CloudFormation templates) into the same located tree as JSON, using the YAML parser's
 * marks for line and column. The only class that touches YAML: lint and the renew config load it, generate never.
 * Short-form intrinsics such as {@code !Sub} keep their scalar value; the tag itself is dropped.
 */
public final class YamlTreeReader {
    private static final int MAX_DEPTH = 64;
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private YamlTreeReader() {
    }

    public static JsonNode read(String text, String source) throws InputException {
        try (var parser = FACTORY.createParser(text)) {
            return JsonReader.read(parser, source, "YAML", MAX_DEPTH);
        } catch (IOException e) {
            // creating or closing a parser over a String does no I/O; a failure here is not the user's input
            throw new IllegalStateException("cannot parse YAML held in memory", e);
        } catch (RuntimeException e) {
            // SnakeYAML reports some malformed input (bad anchors, tags) as unchecked exceptions
            throw new InputException(source, "invalid YAML: " + e.getMessage(), e);
        }
    }
}
