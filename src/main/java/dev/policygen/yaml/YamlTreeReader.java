package dev.policygen.yaml;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.policygen.InputException;
import dev.policygen.io.InputFiles;
import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonReader;
import java.io.IOException;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML into the same located tree as JSON, using the YAML parser's marks for line and column. The only
 * class that touches YAML: lint and the renew config load it, generate never. What the tree cannot hold
 * faithfully (aliases, merge keys, unknown tags) is refused with its position, see {@link RefusingYamlParser}.
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

    /**
     * CloudFormation's short-form intrinsic functions (CloudFormation User Guide, intrinsic function reference).
     * Lint keeps their value and drops the tag, so {@code !Sub arn:...} is linted as the text it substitutes into.
     */
    private static final Set<String> CLOUDFORMATION_TAGS = Set.of("Ref", "Condition", "Base64", "Cidr", "FindInMap",
            "GetAtt", "GetAZs", "ImportValue", "Join", "Select", "Split", "Sub", "Transform", "And", "Equals", "If",
            "Not", "Or", "ToJsonString", "Length");

    private YamlTreeReader() {
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(InputFiles.MAX_BYTES);
        return options;
    }

    /** Plain YAML data, such as a renew config: no tag but {@code !!str}. */
    public static JsonNode read(String text, String source) throws InputException {
        return read(text, source, Set.of());
    }

    /** A CloudFormation template: its short-form intrinsics are allowed as well. */
    public static JsonNode readCloudFormation(String text, String source) throws InputException {
        return read(text, source, CLOUDFORMATION_TAGS);
    }

    private static JsonNode read(String text, String source, Set<String> allowedTags) throws InputException {
        try (var parser = (YAMLParser) FACTORY.createParser(text)) {
            return JsonReader.read(new RefusingYamlParser(parser, source, allowedTags), source, "YAML",
                    JsonReader.MAX_DEPTH);
        } catch (RefusingYamlParser.Refusal e) {
            throw e.input();
        } catch (IOException e) {
            // creating or closing a parser over a String does no I/O; a failure here is not the user's input
            throw new IllegalStateException("cannot parse YAML held in memory", e);
        } catch (RuntimeException e) {
            // SnakeYAML reports some malformed input (bad anchors, tags) as unchecked exceptions
            throw new InputException(source, "invalid YAML: " + e.getMessage(), e);
        }
    }
}
