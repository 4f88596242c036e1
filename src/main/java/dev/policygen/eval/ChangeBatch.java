package dev.policygen.eval;

import dev.policygen.UsageException;
import dev.policygen.generate.HostedZoneId;
import dev.policygen.generate.Partition;
import dev.policygen.name.RecordNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A Route 53 ChangeResourceRecordSets call as IAM sees it (iam-semantics.md §8.3): the hosted-zone
 * ARN as resource and the three record keys, each the set of its values over the batch. Names are
 * normalized the way Route 53 does; types and actions are upper case.
 */
public final class ChangeBatch {
    public static final String ACTION = "route53:ChangeResourceRecordSets";
    public static final String NAMES_KEY = "route53:ChangeResourceRecordSetsNormalizedRecordNames";
    public static final String TYPES_KEY = "route53:ChangeResourceRecordSetsRecordTypes";
    public static final String ACTIONS_KEY = "route53:ChangeResourceRecordSetsActions";
    private static final Set<String> CHANGE_ACTIONS = Set.of("CREATE", "UPSERT", "DELETE");

    /** One change of the batch, already in the form the condition keys carry. */
    public record Change(String action, String type, String normalizedName) {
    }

    private ChangeBatch() {
    }

    /** Parses {@code ACTION:TYPE:NAME}, e.g. {@code UPSERT:TXT:_acme-challenge.example.com}. */
    public static Change parseChange(String text) throws UsageException {
        String[] parts = text.split(":", 3);
        if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
            throw new UsageException(text, "malformed change \"" + text + "\"; expected ACTION:TYPE:NAME such as "
                    + "UPSERT:TXT:_acme-challenge.example.com");
        }
        String action = parts[0].strip().toUpperCase(Locale.ROOT);
        if (!CHANGE_ACTIONS.contains(action)) {
            throw new UsageException(text, "unknown change action \"" + parts[0] + "\"; use CREATE, UPSERT or DELETE");
        }
        String type = parts[1].strip().toUpperCase(Locale.ROOT);
        if (!type.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
            throw new UsageException(text, "malformed record type \"" + parts[1] + "\"");
        }
        try {
            return new Change(action, type, RecordNames.normalize(parts[2].strip()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(text, "malformed record name \"" + parts[2] + "\": " + e.getMessage());
        }
    }

    /** The request for one batch against one zone; {@code extra} context keys are added as given. */
    public static AccessRequest request(Partition partition, HostedZoneId zone, List<Change> changes,
            List<ContextValue> extra) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> types = new LinkedHashSet<>();
        Set<String> actions = new LinkedHashSet<>();
        for (Change change : changes) {
            names.add(change.normalizedName());
            types.add(change.type());
            actions.add(change.action());
        }
        List<ContextValue> context = new ArrayList<>(extra);
        context.add(ContextValue.multi(NAMES_KEY, List.copyOf(names)));
        context.add(ContextValue.multi(TYPES_KEY, List.copyOf(types)));
        context.add(ContextValue.multi(ACTIONS_KEY, List.copyOf(actions)));
        return new AccessRequest(ACTION, partition.hostedZoneArn(zone), RequestContext.of(context));
    }
}
