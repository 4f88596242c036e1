package dev.policygen.sandbox;

import dev.policygen.eval.ContextValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One call to an emulated service other than Route 53, as read from the request: the operation's
 * wire name, the IAM action and resource it is authorized as (docs/design/renew-design.md's call table), and
 * its input parameters by name (Query parameters, JSON members, or S3's bucket, key and headers).
 */
record ServiceCall(String operation, String action, String resource, Map<String, String> parameters)
        implements EmulatedService.Call {
    /** S3's conditional-write headers, kept as parameters under these names. */
    static final String IF_MATCH = "If-Match";
    static final String IF_NONE_MATCH = "If-None-Match";

    ServiceCall {
        parameters = Map.copyOf(parameters);
    }

    String parameter(String name) {
        return parameters.get(name);
    }

    /** S3's s3:if-match and s3:if-none-match keys, present when the request sent the header. */
    @Override
    public List<ContextValue> context() {
        List<ContextValue> keys = new ArrayList<>();
        if (parameters.containsKey(IF_MATCH)) {
            keys.add(ContextValue.single("s3:if-match", parameters.get(IF_MATCH)));
        }
        if (parameters.containsKey(IF_NONE_MATCH)) {
            keys.add(ContextValue.single("s3:if-none-match", parameters.get(IF_NONE_MATCH)));
        }
        return keys;
    }
}
