package dev.policygen.yaml;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.policygen.InputException;
import dev.policygen.json.JsonNode;
import dev.policygen.io.InputFiles;
import dev.policygen.json.JsonReader;
import java.io.IOException;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML (CloudFormation templates) into the same located tree as JSON, using the YAML parser's
 * marks for line and column. The only class that touches YAML: lint and the renew config load it, generate never.
 * Short-form intrinsics such as {@code !Sub} keep their scalar value; the tag itself is dropped.
 */
public final class YamlTreeReader {
    /**
     * JSON's limits, and SnakeYAML's document size (3 MB of code points by default, which it reports
     * in its own words) raised to the input limit every file already has.
     */
    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .streamReadConstraints(JsonReader.LIMITS)
            .loaderOptions(loaderOptions())
            .build();

    private YamlTreeReader() {
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(InputFiles.MAX_BYTES);
        return options;
    }

    public static JsonNode read(String text, String source) throws InputException {
        try (var parser = FACTORY.createParser(text)) {
            return JsonReader.read(parser, source);
        } catch (IOException e) {
            throw new InputException(source, "cannot read YAML: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // SnakeYAML reports some malformed input (bad anchors, tags) as unchecked exceptions
            throw new InputException(source, "invalid YAML: " + e.getMessage(), e);
        }
    }
}
