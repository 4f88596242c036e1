package dev.policygen.renew.guard;

import dev.policygen.UsageException;
import dev.policygen.identity.RuntimeProfile;
import dev.policygen.identity.Runtimes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where renew runs ({@code renew --runtime NAME}), for the {@code --runtime} of the generate lines its start line
 * prints when a zone is in another account: those lines write the workload role, whose trust depends on where it
 * runs, and renew cannot find that out itself. Without the option the lines keep the placeholder
 * {@value #PLACEHOLDER}. With it they name the runtime, and each option that runtime needs and renew does not
 * know (the cluster's OIDC provider, the service account...) as an upper-case placeholder to fill in; a runtime
 * that needs only the account ({@code ec2}, {@code ecs-task}, {@code lambda}) gives a line generate takes as it
 * is when renew knows the account (--aws-account, or an ARN of the config). The runtime changes only the workload
 * role's trust: the policies the guard judges by are the same whatever it is.
 */
public final class WorkloadRuntime {
    /** What the lines carry without {@code --runtime}: the runtime and its options, to be filled in. */
    public static final String PLACEHOLDER = "RUNTIME";
    /** renew without {@code --runtime}. */
    public static final WorkloadRuntime UNKNOWN = new WorkloadRuntime(Optional.empty());
    /** The values of the options a runtime needs, as the printed line names them until filled in. */
    private static final Map<String, String> VALUES = Map.of("--aws-account", "ACCOUNT_ID", "--oidc-provider",
            "OIDC_PROVIDER", "--service-account", "NAMESPACE/NAME", "--cluster-arn", "CLUSTER_ARN", "--repository",
            "OWNER/REPO", "--trusted-role", "ROLE_ARN");

    private final Optional<RuntimeProfile> runtime;

    private WorkloadRuntime(Optional<RuntimeProfile> runtime) {
        this.runtime = runtime;
    }

    /**
     * The runtime named {@code name}: one of generate's runtimes that runs as a role (every one but {@code user},
     * since a zone's role trusts exactly the workload role). Anything else is refused naming the value and the
     * runtimes to choose from.
     */
    public static WorkloadRuntime parse(String name) throws UsageException {
        List<String> roles = new ArrayList<>();
        for (RuntimeProfile profile : Runtimes.all()) {
            if (profile.trust().isPresent()) {
                roles.add(profile.runtime());
            }
        }
        if (!roles.contains(name)) {
            String why = Runtimes.NAMES.contains(name) ? "--runtime " + name + " runs as no role, and a zone's role"
                    + " in another account trusts exactly the role renew runs as" : "unknown runtime \"" + name + "\"";
            throw new UsageException(name, why + "; use one of " + String.join(", ", roles));
        }
        return new WorkloadRuntime(Optional.of(Runtimes.find(name)));
    }

    /** The runtime's name, empty for {@link #UNKNOWN}. */
    public Optional<String> name() {
        return runtime.map(RuntimeProfile::runtime);
    }

    /**
     * The {@code --runtime} arguments to add to {@code line} (a generate line's arguments): the runtime and each
     * option it needs that {@code line} lacks, with its placeholder; {@code --runtime RUNTIME} when unknown.
     */
    List<String> arguments(List<String> line) {
        List<String> arguments = new ArrayList<>(List.of("--runtime", runtime.isPresent() ? runtime.get().runtime()
                : PLACEHOLDER));
        if (runtime.isEmpty()) {
            return arguments;
        }
        for (String option : runtime.get().requiredOptions()) {
            if (!line.contains(option)) {
                arguments.addAll(List.of(option, VALUES.getOrDefault(option, option.substring(2).toUpperCase(
                        java.util.Locale.ROOT))));
            }
        }
        if (runtime.get().runtime().equals("github-actions")) {
            // the token's sub names a ref or an environment, exactly one of them
            arguments.addAll(List.of("--ref", "REF"));
        }
        return arguments;
    }
}
