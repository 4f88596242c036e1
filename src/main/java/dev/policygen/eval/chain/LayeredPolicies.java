package dev.policygen.eval.chain;

import dev.policygen.InputException;
import dev.policygen.eval.CompiledPolicy;
import dev.policygen.model.PolicyReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The policies one principal's request is evaluated under. SCPs and RCPs are lists of levels: AWS
 * requires an allow at every level of the organisation (root, each OU, the account), so each file
 * given stands for one level. An empty list means the type does not apply (no organisation).
 *
 * <p>An RCP level always holds AWS's RCPFullAWSAccess besides the file given: AWS attaches it to the
 * root, every OU and every account and it cannot be detached (Organizations UG
 * orgs_manage_policies_rcps_examples, "RCPFullAWSAccess"), so an RCP only ever denies. An SCP level
 * holds only its file, because FullAWSAccess can be detached from SCP levels.
 */
public record LayeredPolicies(List<CompiledPolicy> rcps, List<CompiledPolicy> scps, List<CompiledPolicy> identity,
        Optional<CompiledPolicy> permissionsBoundary, Optional<CompiledPolicy> sessionPolicy) {

    public LayeredPolicies {
        rcps = List.copyOf(rcps);
        scps = List.copyOf(scps);
        identity = List.copyOf(identity);
    }

    /** AWS's RCPFullAWSAccess without its Principal "*" (the policy reader refuses Principal; it is "*" anyway). */
    static final CompiledPolicy RCP_FULL_AWS_ACCESS = fullAccess();

    private static CompiledPolicy fullAccess() {
        try {
            return CompiledPolicy.compile(PolicyReader.read("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                    + "\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}", "RCPFullAWSAccess"), 0, "RCPFullAWSAccess");
        } catch (InputException e) {
            throw new IllegalStateException(e);
        }
    }

    public static LayeredPolicies identityOnly(List<CompiledPolicy> identity) {
        return new LayeredPolicies(List.of(), List.of(), identity, Optional.empty(), Optional.empty());
    }

    /** Every policy that must allow on its own, with its type; identity policies count as one set. */
    List<Layer> layers() {
        List<Layer> layers = new ArrayList<>();
        rcps.forEach(p -> layers.add(new Layer(PolicyType.RCP, p.name(), List.of(p, RCP_FULL_AWS_ACCESS))));
        scps.forEach(p -> layers.add(new Layer(PolicyType.SCP, p.name(), List.of(p))));
        String identityName = identity.size() == 1 ? identity.get(0).name() : "identity policies";
        layers.add(new Layer(PolicyType.IDENTITY, identityName, identity));
        permissionsBoundary.ifPresent(p -> layers.add(new Layer(PolicyType.PERMISSIONS_BOUNDARY, p.name(), List.of(p))));
        sessionPolicy.ifPresent(p -> layers.add(new Layer(PolicyType.SESSION_POLICY, p.name(), List.of(p))));
        return layers;
    }

    record Layer(PolicyType type, String name, List<CompiledPolicy> policies) {
    }
}
