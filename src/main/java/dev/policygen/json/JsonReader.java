package dev.policygen.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import dev.policygen.io.InputFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON text into {@link JsonNode}s with the line and column of every value and key. Uses
 * Jackson's streaming parser only: databind is heavy to load and positions are all we need.
 */
public final class JsonReader {
    /** Deeper than any policy, shallow enough that hostile input cannot exhaust the stack. */
    public static final int MAX_DEPTH = 64;
    /**
     * Jackson's own limits, for this reader and the YAML one: the nesting one level above ours, so
     * {@link #readValue} reports it in our words first; lengths as long as the input may be
     * ({@link InputFiles#MAX_BYTES} bounds it), since values stay text here and are never converted.
     * A limit Jackson still hits is reported without its class names ({@link #parserLimit}).
     */
    public static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH + 1)
            .maxNumberLength(InputFiles.MAX_BYTES)
            .maxStringLength(InputFiles.MAX_BYTES)
            .maxNameLength(InputFiles.MAX_BYTES)
            .build();
    private static final JsonFactory FACTORY = JsonFactory.builder().streamReadConstraints(LIMITS).build();

    private JsonReader() {
    }

    /**
     * Parses one JSON value that must fill the whole text.
     *
     * @param source a name for messages, usually the file path
     * @throws InputException for a syntax error, with its position
     */
    public static JsonNode read(String text, String source) throws InputException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            return read(parser, source);
        } catch (IOException e) {
            // creating or closing a parser over a String does no I/O; a failure here is not the user's input
            throw new IllegalStateException("cannot parse JSON held in memory", e);
        }
    }

    /**
     * Reads one value from any Jackson parser that must fill its input. The linter passes a YAML
     * parser here, so YAML documents get the same located tree without this class knowing YAML.
     */
    public static JsonNode read(JsonParser parser, String source) throws InputException {
        return read(parser, source, "JSON", MAX_DEPTH);
    }

    /**
     * As {@link #read(JsonParser, String)} for a parser of another syntax ({@code "YAML"}), which
     * names it in syntax errors; {@code maxDepth} is the nesting limit that parser was built with.
     */
    public static JsonNode read(JsonParser parser, String source, String syntax, int maxDepth)
            throws InputException {
        try {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InputException(source, new SourcePosition(1, 1), "empty input, expected a JSON value");
            }
            JsonNode node = readValue(parser, first, 1, source);
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new InputException(source, position(parser.currentTokenLocation()),
                        "unexpected content after the JSON value");
            }
            return node;
        } catch (StreamConstraintsException e) {
            throw new InputException(source, position(e.getLocation()), parserLimit(e));
        } catch (JsonProcessingException e) {
            // a limit (nesting depth) is reported without a location; the parser is where it stopped
            JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
            throw new InputException(source, position(at),
                    "invalid " + syntax + ": " + SyntaxErrorText.of(e, maxDepth));
        } catch (IOException e) {
            // only readValue's own checks: the text is in memory, so nothing else can fail to read
            throw new InputException(source, position(parser.currentLocation()),
                    "invalid " + syntax + ": " + e.getMessage());
        }
    }

    /**
     * A limit of Jackson's that the ones above did not catch first, in words a user can act on:
     * Jackson's own message names its classes and methods.
     */
    private static String parserLimit(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("nesting depth")) {
            return "nested deeper than " + MAX_DEPTH + " levels";
        }
        return "a value longer than the reader's limit";
    }

    private static JsonNode readValue(JsonParser parser, JsonToken token, int depth, String source) throws IOException,
            InputException {
        SourcePosition at = position(parser.currentTokenLocation());
        if (depth > MAX_DEPTH && (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)) {
            throw new InputException(source, at, "nested deeper than " + MAX_DEPTH + " levels");
        }
        switch (token) {
            case START_OBJECT: {
                List<JsonNode.Member> members = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    SourcePosition keyAt = position(parser.currentTokenLocation());
                    JsonNode value = readValue(parser, parser.nextToken(), depth + 1, source);
                    members.add(new JsonNode.Member(key, keyAt, value));
                }
                if (next != JsonToken.END_OBJECT) {
                    throw new IOException("unterminated object");
                }
                return new JsonNode.JsonObject(members, at);
            }
            case START_ARRAY: {
                List<JsonNode> elements = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (next == null) {
                        throw new IOException("unterminated array");
                    }
                    elements.add(readValue(parser, next, depth + 1, source));
                }
                return new JsonNode.JsonArray(elements, at);
            }
            case VALUE_STRING:
                return new JsonNode.JsonString(parser.getText(), at);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new JsonNode.JsonNumber(parser.getText(), at);
            case VALUE_TRUE:
                return new JsonNode.JsonBoolean(true, at);
            case VALUE_FALSE:
                return new JsonNode.JsonBoolean(false, at);
            case VALUE_NULL:
                return new JsonNode.JsonNull(at);
            default:
                throw new IOException("unexpected token " + token);
        }
    }

    private static SourcePosition position(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return SourcePosition.UNKNOWN;
        }
        return new SourcePosition(location.getLineNr(), location.getColumnNr());
    }
}
