package dev.policygen.sandbox;

import java.util.Map;

/**
 * One call to an emulated service other than Route 53, as read from the request: the operation's
 * wire name, the IAM action and resource it is authorized as (docs/design/renew-design.md's call table), and
 * its input parameters by name (Query parameters, JSON members, or S3's bucket, key and headers).
 */
record ServiceCall(String operation, String action, String resource, Map<String, String> parameters)
        implements EmulatedService.Call {
    ServiceCall {
        parameters = Map.copyOf(parameters);
    }

    String parameter(String name) {
        return parameters.get(name);
    }
}
