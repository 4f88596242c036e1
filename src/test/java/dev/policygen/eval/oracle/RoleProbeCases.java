package dev.policygen.eval.oracle;

import static dev.policygen.eval.oracle.TrustChainGenerator.policy;
import static dev.policygen.eval.oracle.TrustChainGenerator.statement;

import dev.policygen.UsageException;
import dev.policygen.eval.oracle.ChainCase.CallerKind;
import dev.policygen.json.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The seeded sequence of probes of {@link GeneratedTrustOracleTest}: requests of each kind of
 * {@link RuntimeProbeKinds#ALL} in turn, each request's probes as {@link ChainCase}s of the assume hop(s)
 * only. An IAM caller's own policy allows sts:AssumeRole and sts:TagSession on the role, so the trust
 * policy alone decides, unless the probe gives the caller's policies (the DNS-account role's callers hold
 * the generated workload policy, so the caller's side of the cross-account assumption is decided too).
 */
final class RoleProbeCases {
    /** One probe: the chain both evaluators get, and what the generated trust must decide. */
    record ProbeCase(ChainCase chain, String kind, String request, RoleProbes.Probe probe) {
    }

    private final Random random;
    private final Deque<ProbeCase> pending = new ArrayDeque<>();
    private long id;
    private int requests;

    RoleProbeCases(long seed) {
        this.random = new Random(seed);
    }

    /** How many requests have been generated so far. */
    int requests() {
        return requests;
    }

    ProbeCase next() {
        while (pending.isEmpty()) {
            RuntimeProbeKinds.Kind kind = RuntimeProbeKinds.ALL.get(requests++ % RuntimeProbeKinds.ALL.size());
            RoleProbes role;
            try {
                role = kind.next(random);
            } catch (UsageException e) {
                throw new IllegalStateException("the " + kind.name() + " generator made a request generate refuses: "
                        + e.getMessage(), e);
            }
            for (RoleProbes.Probe probe : role.probes()) {
                List<JsonNode> callerPolicies = probe.kind() != CallerKind.IAM ? List.of()
                        : probe.callerPolicies().orElse(List.of(policy(statement("Allow",
                                List.of("sts:AssumeRole", "sts:TagSession"), role.roleArn(), null))));
                ChainCase chain = new ChainCase(++id, probe.kind(), probe.callerArn(), null, role.roleArn(),
                        role.identity().trust().json(), callerPolicies, Optional.empty(), List.of(), List.of(),
                        probe.sent(), Optional.empty());
                pending.add(new ProbeCase(chain, kind.name(), role.request(), probe));
            }
        }
        return pending.poll();
    }
}
