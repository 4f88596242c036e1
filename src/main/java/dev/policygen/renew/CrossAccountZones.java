package dev.policygen.renew;

import dev.policygen.UsageException;
import dev.policygen.generate.ZoneRef;
import dev.policygen.renew.cloud.ZoneRole;
import dev.policygen.renew.config.RenewConfig;
import dev.policygen.renew.guard.PolicyGuard;
import dev.policygen.renew.guard.RenewPolicy;
import dev.policygen.renew.guard.WorkloadRuntime;
import dev.policygen.renew.guard.ZoneRolePolicies;
import dev.policygen.route53.HostedZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pass's zones in other accounts ({@code roleArn} on a zone in the renew config): the guard that judges
 * their calls by their role's policy and the run's own calls (the {@code sts:AssumeRole} included) by the
 * workload's, and the generate lines of both identities for the {@code start} line.
 */
final class CrossAccountZones {
    private final RenewPolicy whole;
    private final ZoneRolePolicies policies;

    private CrossAccountZones(RenewPolicy whole, ZoneRolePolicies policies) {
        this.whole = whole;
        this.policies = policies;
    }

    /**
     * Empty when no zone of {@code config} has a role.
     *
     * @param config the config {@code policy} was made for: as written (less the certificates with a name in no
     *     zone), not with the discovered zones filled in. The workload's own-zone policy is made from it so that
     *     it keeps the ListHostedZonesByName grant discovery needs, and its start line the discovery
     *     ({@code --zone NAME=ID}) rather than {@code --zone-id-configured}: from the resolved config both were
     *     lost, and the line written would not let the workload find its zones on the next pass
     * @param runtime where renew runs (renew --runtime), for the printed lines
     * @param discovered the zones discovery found for {@code config}'s names without a zone (all the
     *     workload's own: a zone behind a role is always given by id)
     */
    static Optional<CrossAccountZones> of(RenewPolicy policy, RenewConfig config, List<ZoneRef> discovered,
            Optional<String> region, Optional<String> account, boolean deleteOld, List<String> notifyTopics,
            WorkloadRuntime runtime) throws UsageException {
        ZoneRolePolicies policies = ZoneRolePolicies.of(policy, config, discovered, region, account, deleteOld,
                notifyTopics).runningOn(runtime);
        return policies.any() ? Optional.of(new CrossAccountZones(policy, policies)) : Optional.empty();
    }

    /**
     * The pass's guard: {@code given} (the --policy files, judging the run's own calls) or the derived workload
     * policy, with each role's zones judged by that role's derived policy.
     */
    PolicyGuard guard(Optional<PolicyGuard> given) throws UsageException {
        PolicyGuard own = given.isPresent() ? given.get()
                : PolicyGuard.of(List.of(policies.workloadDocument()), whole);
        Map<ZoneRole, PolicyGuard> byRole = new LinkedHashMap<>();
        for (ZoneRole role : policies.roles()) {
            // a denial of the role zone's call names the role's line (dns-role-policy), the one that writes its policy
            byRole.put(role, PolicyGuard.ofRole(List.of(policies.roleDocument(role)), policies.rolePolicy(role),
                    p -> policies.roleLine(p, role)));
        }
        Map<HostedZoneId, PolicyGuard> byZone = new LinkedHashMap<>();
        policies.roleOfZone().forEach((zone, role) -> byZone.put(zone, byRole.get(role)));
        return own.withZoneGuards(byZone);
    }

    Map<HostedZoneId, ZoneRole> roleOfZone() {
        return policies.roleOfZone();
    }

    String workloadLine() throws UsageException {
        return policies.workloadLine();
    }

    /** Each role's line, separated by {@code ; } when there are several. */
    String roleLines() throws UsageException {
        List<String> lines = new ArrayList<>();
        for (ZoneRole role : policies.roles()) {
            lines.add(policies.roleLine(role));
        }
        return String.join(" ; ", lines);
    }
}
