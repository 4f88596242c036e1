package dev.policygen.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import java.io.IOException;
import java.util.Set;

/**
 * The YAML parser with what it would misread refused, at the position of the offending node. Jackson reports an
 * alias as a string holding the anchor's <em>name</em> ({@code [*apex]} read as {@code ["apex"]}), so every alias
 * is refused; resolving them is not possible cleanly, because Jackson 2.17 does not report anchors on scalars
 * ({@code &apex example.com}) and reports stale anchors on keys. Merge keys ({@code <<}) only make sense with
 * aliases and are refused too. A tag is kept only where the reader knows what it means: {@code !!str}, which
 * Jackson resolves to a string, and, in CloudFormation templates, the short-form intrinsics.
 */
final class RefusingYamlParser extends JsonParserDelegate {
    /** What Jackson reports as the tag of {@code !!str 2012-10-17}. */
    private static final String STRING_TAG = "tag:yaml.org,2002:str";

    private final YAMLParser yaml;
    private final String source;
    private final Set<String> allowedTags;

    RefusingYamlParser(YAMLParser yaml, String source, Set<String> allowedTags) {
        super(yaml);
        this.yaml = yaml;
        this.source = source;
        this.allowedTags = allowedTags;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken token = super.nextToken();
        if (token == null || token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
            return token;
        }
        if (yaml.isCurrentAlias()) {
            throw refusal("YAML alias *" + yaml.getText() + " is not supported; write the value out");
        }
        if (token == JsonToken.FIELD_NAME) {
            // Jackson keeps the tag of the enclosing mapping on its keys, so keys are not checked for tags
            if (yaml.currentName().equals("<<")) {
                throw refusal("YAML merge keys (<<) are not supported; write the keys out");
            }
            return token;
        }
        String tag = yaml.getTypeId();
        if (tag != null && !tag.equals(STRING_TAG) && !allowedTags.contains(tag)) {
            throw refusal("YAML tag " + (tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring(18) : "!" + tag)
                    + " is not supported here");
        }
        return token;
    }

    private Refusal refusal(String message) {
        JsonLocation at = yaml.currentTokenLocation();
        SourcePosition position = at == null || at.getLineNr() < 1 ? SourcePosition.UNKNOWN
                : new SourcePosition(at.getLineNr(), at.getColumnNr());
        return new Refusal(new InputException(source, position, message));
    }

    /** Carries the refusal through JsonReader, which handles only Jackson's own exceptions. */
    static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final InputException input;

        Refusal(InputException input) {
            super(input.getMessage(), null, false, false);
            this.input = input;
        }

        InputException input() {
            return input;
        }
    }
}
