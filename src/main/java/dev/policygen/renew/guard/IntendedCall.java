package dev.policygen.renew.guard;

import dev.policygen.eval.AccessRequest;
import dev.policygen.eval.ChangeBatch;
import dev.policygen.eval.RequestContext;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.Partition;
import dev.policygen.route53.RecordChange;
import dev.policygen.route53.Route53Names;
import java.util.List;
import java.util.Optional;

/**
 * An AWS request the renewer is about to send, as the guard needs it: the action, the resource ARN,
 * the hosted zone it is about (if any) and, for a change batch, its record changes.
 */
public record IntendedCall(String action, String resource, Optional<HostedZoneId> zone,
        List<RecordChange> changes) {
    public IntendedCall {
        changes = List.copyOf(changes);
    }

    /** A ChangeResourceRecordSets batch against one zone. */
    public static IntendedCall changeBatch(Partition partition, HostedZoneId zone, List<RecordChange> changes) {
        return new IntendedCall(Route53Names.CHANGE_RECORD_SETS, partition.hostedZoneArn(zone), Optional.of(zone), changes);
    }

    /** A call without record changes, such as route53:GetChange on a change ARN. */
    public static IntendedCall of(String action, String resource) {
        return new IntendedCall(action, resource, Optional.empty(), List.of());
    }

    AccessRequest accessRequest() {
        if (zone.isPresent() && action.equals(Route53Names.CHANGE_RECORD_SETS)) {
            AccessRequest batch = ChangeBatch.request(Partition.AWS, zone.get(), changes, List.of());
            // the batch's context keys, with the resource as given (it carries the partition)
            return new AccessRequest(action, resource, batch.context());
        }
        return new AccessRequest(action, resource, RequestContext.EMPTY);
    }

    /** The call in one line: {@code ACTION on RESOURCE [DELETE TXT name, CREATE TXT name, ...]}. */
    String describe() {
        StringBuilder text = new StringBuilder(action).append(" on ").append(resource);
        if (!changes.isEmpty()) {
            text.append(" [");
            for (int i = 0; i < changes.size(); i++) {
                RecordChange change = changes.get(i);
                text.append(i == 0 ? "" : ", ").append(change.action()).append(' ').append(change.type())
                        .append(' ').append(change.normalizedName());
            }
            text.append(']');
        }
        return text.toString();
    }
}
