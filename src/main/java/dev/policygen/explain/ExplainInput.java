package dev.policygen.explain;

import dev.policygen.InputException;
import dev.policygen.SourcePosition;
import java.util.List;

/**
 * What explain reads: CloudTrail JSON or an AccessDenied error text. JSON that is not CloudTrail (a
 * Kubernetes object whose status quotes the error, say) is searched for the error text before it is refused.
 */
public final class ExplainInput {
    static final String EXPECTED = "expected an AccessDenied error text (\"User: ARN is not authorized to perform:"
            + " ACTION on resource: ARN\") or CloudTrail JSON (a record, {\"Records\": [...]} or aws cloudtrail"
            + " lookup-events output)";

    private ExplainInput() {
    }

    /** The requests in {@code text}; {@code source} names the input in errors. */
    public static List<DeniedRequest> read(String text, String source) throws InputException {
        String body = text.strip();
        if (body.startsWith("{") || body.startsWith("[")) {
            try {
                return CloudTrailEvents.read(text, source);
            } catch (InputException notCloudTrail) {
                List<DeniedRequest> quoted = AccessDeniedText.find(text);
                if (!quoted.isEmpty()) {
                    return quoted;
                }
                throw notCloudTrail;
            }
        }
        List<DeniedRequest> found = AccessDeniedText.find(text);
        if (found.isEmpty()) {
            throw new InputException(source, SourcePosition.UNKNOWN, (body.isEmpty() ? "empty input; " : "") + EXPECTED
                    + (body.isEmpty() ? "" : ", found neither"));
        }
        return found;
    }
}
