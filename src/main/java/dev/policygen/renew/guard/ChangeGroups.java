package dev.policygen.renew.guard;

import dev.policygen.eval.NameGroups;
import dev.policygen.model.PolicyDocument;
import dev.policygen.route53.HostedZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The name groups of a policy ({@link NameGroups}, cached per zone and name): for a challenge name in a
 * zone, which Allow statement lets renew change it (the first, in document order, that allows a DELETE and a CREATE of its TXT set alone). IAM judges each
 * statement on its own, so a ForAllValues list of names allows a batch only when every name of the batch
 * is in that one statement; a batch holding names of two groups is denied by both. Renew therefore sends
 * one batch per group ({@code renew.dns.ChangeLimits}). Read from the statements the guard judges with, so
 * the groups are those of the policy as written (a {@code --policy} file, or the generated policy with
 * its groups as {@code generate --split} writes them), whatever made it. A name no statement allows is
 * in no group ({@link #NONE}); its batch is denied by the guard with the usual suggestion.
 */
final class ChangeGroups {
    /** The group of a name that no statement allows. */
    static final int NONE = NameGroups.NONE;

    private final NameGroups groups;
    private final Map<HostedZoneId, Map<String, Integer>> known = new ConcurrentHashMap<>();

    private ChangeGroups(NameGroups groups) {
        this.groups = groups;
    }

    static ChangeGroups of(List<PolicyDocument> documents) {
        return new ChangeGroups(NameGroups.of(documents));
    }

    /** The group of the name {@code call} changes (a one-name batch of a DELETE and a CREATE in its zone). */
    int groupOf(IntendedCall call) {
        HostedZoneId zone = call.zone().orElseThrow();
        String name = call.changes().get(0).normalizedName();
        return known.computeIfAbsent(zone, z -> new ConcurrentHashMap<>())
                .computeIfAbsent(name, n -> groups.groupOf(call.accessRequest()));
    }
}
