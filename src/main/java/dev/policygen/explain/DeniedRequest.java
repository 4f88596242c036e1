package dev.policygen.explain;

import dev.policygen.route53.RecordChange;
import java.util.List;
import java.util.Optional;

/**
 * One request AWS refused (or, from CloudTrail, was asked), as far as the input tells it. An error text
 * names the principal, the action and the resource but never the records of a change batch, so
 * {@code changes} is empty and {@code recordsKnown} false for it; a CloudTrail record carries the batch.
 *
 * @param origin where it was read, for the report: "error text" or "CloudTrail record N"
 * @param action {@code service:Action}, e.g. {@code route53:ChangeResourceRecordSets}
 * @param resource the resource ARN, when the input names one
 * @param zoneId the bare hosted zone id, when the input names one
 * @param principal the caller's ARN
 * @param sourceIp CloudTrail's {@code sourceIPAddress}, when it is an address (not a service name)
 * @param userAgent CloudTrail's {@code userAgent}
 * @param error the AWS error code and message, when the input carries them
 */
public record DeniedRequest(String origin, String action, Optional<String> resource, Optional<String> zoneId,
        Optional<String> principal, Optional<String> sourceIp, Optional<String> userAgent,
        List<RecordChange> changes, boolean recordsKnown, Optional<String> error) {

    public DeniedRequest {
        changes = List.copyOf(changes);
    }
}
