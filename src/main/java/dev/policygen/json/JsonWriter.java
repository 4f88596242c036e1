package dev.policygen.json;

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

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /**
     * A JSON string literal, quotes included. Written here rather than with Jackson's encoder so that
     * writing a policy loads no Jackson class: generate must start fast.
     */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                default:
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
            }
        }
        return out.append('"').toString();
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
