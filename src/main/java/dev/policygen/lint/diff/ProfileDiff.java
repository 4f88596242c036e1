package dev.policygen.lint.diff;

import dev.policygen.UsageException;
import dev.policygen.eval.StatementRef;
import dev.policygen.generate.ChallengeRecords;
import dev.policygen.generate.GenerateRequest;
import dev.policygen.generate.PolicyGenerator;
import java.util.List;
import java.util.Optional;

/**
 * What lint compares a policy with when given {@code --client}: the requests that client makes for
 * the requested names (PG501 reports those the policy denies) and the probes it never makes (PG502
 * reports those the policy allows); with {@code --runtime}, also the trust generate writes for that
 * runtime ({@link TrustDiff}: PG503, PG504 judge trust policies with it). Built once per lint run.
 *
 * @param client the client as the user named it (traefik rather than lego), for messages
 */
public record ProfileDiff(String client, List<ClientRequest> needed, List<Probe> probes, Optional<TrustDiff> trust,
        Optional<GroupedNeeds> grouped) {

    public ProfileDiff {
        needed = List.copyOf(needed);
        probes = List.copyOf(probes);
    }

    /** A diff of permissions only: without {@code --runtime}, trust policies are not diffed. */
    public ProfileDiff(String client, List<ClientRequest> needed, List<Probe> probes) {
        this(client, needed, probes, Optional.empty(), Optional.empty());
    }

    /**
     * True for a client whose change batches follow the policy's statements ({@code changes.batchesPerStatement}):
     * the identity policies of a lint run are then judged together, as the one role a {@code --split} set is
     * attached to ({@link DiffedIdentity}), and its batches are those of the policy's name groups.
     */
    public boolean judgesRunTogether() {
        return grouped.isPresent();
    }

    /** The requests the client makes under {@code policy} (for a grouped client, under its name groups). */
    public List<ClientRequest> needed(JudgedPolicy policy) {
        return grouped.map(g -> g.needed(policy)).orElse(needed);
    }

    /**
     * The statement to blame for a request {@code policy} denies, when the client's batches say better than the
     * evaluator's closest statement which one it is: for a name in no group, the group of its neighbour.
     */
    public Optional<StatementRef> blame(JudgedPolicy policy, ClientRequest denied) {
        return grouped.flatMap(g -> g.neighbourGroup(policy, denied));
    }

    /** The requests the client never makes, to be denied by {@code policy}. */
    public List<Probe> probes(JudgedPolicy policy) {
        return grouped.map(g -> g.probes(policy)).orElse(probes);
    }

    /**
     * The diff for a generate request. The request is checked as {@code generate} checks it, so
     * lint refuses what generate refuses (a zone id for certbot, a domain without a zone).
     */
    public static ProfileDiff of(GenerateRequest request, String client) throws UsageException {
        PolicyGenerator.generate(request);
        ChallengeRecords records = ChallengeRecords.plan(request);
        List<ClientRequest> needed = ClientNeeds.of(request, records);
        List<Probe> probes = OverGrantProbes.of(request, records, needed);
        Optional<GroupedNeeds> grouped = request.profile().changes().batchesPerStatement()
                ? Optional.of(new GroupedNeeds(request, records, ClientNeeds.withoutBatches(request, records), probes))
                : Optional.empty();
        return new ProfileDiff(client, needed, probes, TrustDiff.of(request), grouped);
    }
}
