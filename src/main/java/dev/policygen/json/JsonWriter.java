package dev.policygen.json;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * Renders a {@link JsonNode} either as 2-space pretty JSON with {@code "key": value} spacing or as one
 * line with no white space at all. Member order is the tree's; ordering policy belongs to the caller.
 */
public final class JsonWriter {
    private static final String INDENT = "  ";

    private JsonWriter() {
    }

    public static String pretty(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out, 0, true);
        return out.append('\n').toString();
    }

    public static String minified(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, out, 0, false);
        return out.toString();
    }

    /** A JSON string literal, quotes included. */
    public static String quote(String value) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + '"';
    }

    private static void write(JsonNode node, StringBuilder out, int depth, boolean pretty) {
        if (node instanceof JsonNode.JsonObject object) {
            if (object.members().isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            String separator = "";
            for (JsonNode.Member member : object.members()) {
                out.append(separator);
                newline(out, depth + 1, pretty);
                out.append(quote(member.key())).append(pretty ? ": " : ":");
                write(member.value(), out, depth + 1, pretty);
                separator = ",";
            }
            newline(out, depth, pretty);
            out.append('}');
        } else if (node instanceof JsonNode.JsonArray array) {
            if (array.elements().isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            String separator = "";
            for (JsonNode element : array.elements()) {
                out.append(separator);
                newline(out, depth + 1, pretty);
                write(element, out, depth + 1, pretty);
                separator = ",";
            }
            newline(out, depth, pretty);
            out.append(']');
        } else if (node instanceof JsonNode.JsonString string) {
            out.append(quote(string.value()));
        } else if (node instanceof JsonNode.JsonNumber number) {
            out.append(number.text());
        } else if (node instanceof JsonNode.JsonBoolean bool) {
            out.append(bool.value());
        } else {
            out.append("null");
        }
    }

    private static void newline(StringBuilder out, int depth, boolean pretty) {
        if (pretty) {
            out.append('\n').append(INDENT.repeat(depth));
        }
    }
}
