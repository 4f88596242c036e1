package dev.policygen.eval;

import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.Partition;
import dev.policygen.route53.RecordChange;
import dev.policygen.route53.Route53Names;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Route 53 ChangeResourceRecordSets call as IAM sees it (docs/design/iam-semantics.md §8.3): the hosted-zone
 * ARN as resource and the three record keys, each the set of its values over the batch. Names are
 * normalized the way Route 53 does; types and actions are upper case.
 */
public final class ChangeBatch {
    private ChangeBatch() {
    }

    /** The request for one batch against one zone; {@code extra} context keys are added as given. */
    public static AccessRequest request(Partition partition, HostedZoneId zone, List<RecordChange> changes,
            List<ContextValue> extra) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> types = new LinkedHashSet<>();
        Set<String> actions = new LinkedHashSet<>();
        for (RecordChange change : changes) {
            names.add(change.normalizedName());
            types.add(change.type());
            actions.add(change.action());
        }
        List<ContextValue> context = new ArrayList<>(extra);
        context.add(ContextValue.multi(Route53Names.KEY_NAMES, List.copyOf(names)));
        context.add(ContextValue.multi(Route53Names.KEY_TYPES, List.copyOf(types)));
        context.add(ContextValue.multi(Route53Names.KEY_ACTIONS, List.copyOf(actions)));
        return new AccessRequest(Route53Names.CHANGE_RECORD_SETS, partition.hostedZoneArn(zone), RequestContext.of(context));
    }
}
