package dev.policygen.lint.diff;

import dev.policygen.eval.AccessRequest;
import dev.policygen.eval.Evaluation;
import dev.policygen.eval.StatementRef;
import dev.policygen.eval.NameGroups;
import dev.policygen.generate.ChallengeRecords;
import dev.policygen.generate.GenerateRequest;
import dev.policygen.model.ConditionBlock;
import dev.policygen.model.ConditionEntry;
import dev.policygen.model.PolicyDocument;
import dev.policygen.model.Statement;
import dev.policygen.route53.HostedZoneId;
import dev.policygen.route53.RecordChange;
import dev.policygen.route53.RecordNames;
import dev.policygen.route53.Route53Names;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The diff for a client whose change batches follow the policy's statements ({@code changes.batchesPerStatement}:
 * renew). Such a client does not send one batch per zone: it reads the name groups from the policy
 * ({@link NameGroups}, as renew's guard does) and sends one batch per group and change action. So what it needs
 * depends on the policy judged, and is derived here from it: every configured name changed alone (a DELETE and
 * a CREATE of its set in one batch, as renew replaces a value), which a name missing from every statement fails,
 * and each group's names in one batch per action. Beside the fixed probes, every name a record-name condition of
 * the policy lists that the config does not have is probed: a group is a long list that no fixed probe covers.
 */
public final class GroupedNeeds {
    private final GenerateRequest request;
    private final ChallengeRecords records;
    private final List<ClientRequest> calls;
    private final List<Probe> probes;

    GroupedNeeds(GenerateRequest request, ChallengeRecords records, List<ClientRequest> calls, List<Probe> probes) {
        this.request = request;
        this.records = records;
        this.calls = List.copyOf(calls);
        this.probes = List.copyOf(probes);
    }

    /** What the client sends under {@code policy}'s name groups. */
    List<ClientRequest> needed(JudgedPolicy policy) {
        NameGroups groups = NameGroups.of(policy.documents());
        List<String> actions = request.profile().changes().actions();
        Map<String, ClientRequest> needed = new LinkedHashMap<>();
        calls.forEach(c -> needed.putIfAbsent(c.description(), c));
        for (Map.Entry<HostedZoneId, SortedSet<String>> zone : records.namesByZone().entrySet()) {
            Map<Integer, List<String>> byGroup = new TreeMap<>();
            for (String name : zone.getValue()) {
                List<RecordChange> alone = new ArrayList<>();
                actions.forEach(action -> alone.add(new RecordChange(action, ClientNeeds.TXT, name)));
                ClientRequest single = ClientRequest.batch(request.partition(), zone.getKey(), alone);
                needed.putIfAbsent(single.description(), single);
                AccessRequest membership = NameGroups.membership(request.partition(), zone.getKey(), name);
                int group = groups.groupOf(membership);
                if (group != NameGroups.NONE) {
                    byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(name);
                }
            }
            for (List<String> names : byGroup.values()) {
                for (String action : actions) {
                    List<RecordChange> batch = names.stream().map(n -> new RecordChange(action, ClientNeeds.TXT, n))
                            .toList();
                    ClientRequest grouped = ClientRequest.batch(request.partition(), zone.getKey(), batch);
                    needed.putIfAbsent(grouped.description(), grouped);
                }
            }
        }
        return List.copyOf(needed.values());
    }

    /**
     * For a one-name batch {@code policy} denies, the statement of the group its neighbour in sort order is in
     * (the one before it, else the one after): groups are runs of the sorted names, so that is where a name cut
     * from its group was cut from. Empty for other requests, or when no neighbour is allowed either.
     */
    Optional<StatementRef> neighbourGroup(JudgedPolicy policy, ClientRequest denied) {
        if (!denied.isChangeBatch() || denied.changes().stream().map(RecordChange::normalizedName).distinct().count() != 1) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>(records.namesByZone().getOrDefault(denied.zone(), new TreeSet<>()));
        int at = names.indexOf(denied.changes().get(0).normalizedName());
        if (at < 0) {
            return Optional.empty();
        }
        for (int neighbour : new int[] {at - 1, at + 1}) {
            if (neighbour < 0 || neighbour >= names.size()) {
                continue;
            }
            Evaluation evaluation = policy.evaluate(
                    NameGroups.membership(request.partition(), denied.zone(), names.get(neighbour)));
            if (evaluation.decision().allowed()) {
                return Optional.of(evaluation.deciding().get(0));
            }
        }
        return Optional.empty();
    }

    /**
     * The fixed probes; the probes at a name (other types and change actions) at each group's first name as well;
     * and a change of every name the policy lists that the config does not have.
     */
    List<Probe> probes(JudgedPolicy policy) {
        SortedSet<String> configured = new TreeSet<>();
        records.namesByZone().values().forEach(configured::addAll);
        SortedSet<String> listed = new TreeSet<>();
        for (PolicyDocument document : policy.documents()) {
            for (Statement statement : document.statements()) {
                for (ConditionBlock block : statement.conditions()) {
                    for (ConditionEntry entry : block.entries()) {
                        if (entry.key().equalsIgnoreCase(Route53Names.KEY_NAMES)) {
                            listed.addAll(entry.values().texts());
                        }
                    }
                }
            }
        }
        List<Probe> all = new ArrayList<>(probes);
        List<String> actions = request.profile().changes().actions();
        String action = actions.isEmpty() ? "UPSERT" : actions.get(0);
        // the fixed probes try the zone's first name, which is in the first group only: try each group's first
        NameGroups groups = NameGroups.of(policy.documents());
        for (Map.Entry<HostedZoneId, SortedSet<String>> zone : records.namesByZone().entrySet()) {
            Set<Integer> seen = new HashSet<>();
            for (String name : zone.getValue()) {
                int group = groups.groupOf(NameGroups.membership(request.partition(), zone.getKey(), name));
                if (group != NameGroups.NONE && seen.add(group) && !name.equals(zone.getValue().first())) {
                    all.addAll(OverGrantProbes.atName(request.partition(), zone.getKey(), name, action, actions));
                }
            }
        }
        for (String name : listed) {
            if (name.contains("*") || name.contains("?") || name.contains("${")) {
                continue;
            }
            String normalized;
            try {
                normalized = RecordNames.normalize(name);
            } catch (IllegalArgumentException notAName) {
                continue;
            }
            if (configured.contains(normalized)) {
                continue;
            }
            for (HostedZoneId zone : records.namesByZone().keySet()) {
                all.add(new Probe(ClientRequest.batch(request.partition(), zone,
                        List.of(new RecordChange(action, ClientNeeds.TXT, normalized))),
                        "a name the policy lists that the config does not have"));
            }
        }
        return all;
    }
}
