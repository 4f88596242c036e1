package dev.policygen.lint.diff;

import dev.policygen.eval.AccessRequest;
import dev.policygen.eval.ChangeBatch;
import dev.policygen.eval.RequestContext;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.Partition;
import dev.policygen.route53.RecordChange;
import java.util.ArrayList;
import java.util.List;

/**
 * One request of the profile diff, as the evaluator sees it and as a finding names it: the action,
 * the resource and, for a change batch, its changes ({@code UPSERT TXT _acme-challenge.example.com}).
 *
 * @param zone the hosted zone of a change batch, null for other requests
 * @param changes the changes of a change batch, empty for other requests
 */
public record ClientRequest(AccessRequest access, String description, HostedZoneId zone,
        List<RecordChange> changes) {
    /** A batch of many names is named by its first few; the count says the rest. */
    private static final int NAMES_SHOWN = 3;

    public ClientRequest {
        changes = List.copyOf(changes);
    }

    /** A call without condition keys of its own, such as GetChange on a change ARN. */
    static ClientRequest call(String action, String resource) {
        return new ClientRequest(new AccessRequest(action, resource, RequestContext.EMPTY),
                action + " on " + resource, null, List.of());
    }

    static ClientRequest batch(Partition partition, HostedZoneId zone, List<RecordChange> changes) {
        AccessRequest access = ChangeBatch.request(partition, zone, changes, List.of());
        List<String> shown = new ArrayList<>();
        for (RecordChange change : changes.subList(0, Math.min(NAMES_SHOWN, changes.size()))) {
            shown.add(change.action() + " " + change.type() + " " + change.normalizedName());
        }
        String more = changes.size() > NAMES_SHOWN ? " and " + (changes.size() - NAMES_SHOWN) + " more" : "";
        return new ClientRequest(access, access.action() + " on " + access.resource() + " ("
                + String.join(", ", shown) + more + ")", zone, changes);
    }

    public boolean isChangeBatch() {
        return zone != null;
    }
}
