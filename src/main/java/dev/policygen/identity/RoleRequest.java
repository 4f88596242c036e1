package dev.policygen.identity;

import dev.policygen.UsageException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The checked runtime options of a generate request: {@code --runtime KIND}, that runtime's own options
 * and {@code --role-name}. Only {@link #parse} builds one, so every command that builds a request (generate,
 * trust, lint's profile diff, renew) accepts and refuses the same values. The account and partition the
 * role lives in stay the request's ({@code --aws-account}, {@code --partition}); {@link #checkAgainst}
 * holds this request to them.
 */
public final class RoleRequest {
    /** Options only some runtimes take, in the order they are checked and printed. */
    public static final List<String> RUNTIME_OPTIONS = List.of("--oidc-provider", "--service-account",
            "--cluster-arn", "--repository", "--ref", "--environment", "--trusted-role", "--external-id");

    private final RuntimeProfile runtime;
    private final Map<String, String> options;
    private final Optional<String> roleName;

    private RoleRequest(RuntimeProfile runtime, Map<String, String> options, Optional<String> roleName) {
        this.runtime = runtime;
        this.options = Map.copyOf(options);
        this.roleName = roleName;
    }

    /**
     * Checks the options: the runtime's name, each option against the runtime (an option of another
     * runtime is refused naming the runtimes that take it), each value's syntax, then the options the
     * runtime needs. Values are taken as given except {@code --ref}, which is stored as the full ref.
     *
     * @param runtimeName {@code --runtime}; null means {@code user}
     * @param roleName {@code --role-name}; null for the default
     * @param given runtime option name to value, as given
     */
    public static RoleRequest parse(String runtimeName, String roleName, Map<String, String> given)
            throws UsageException {
        RuntimeProfile runtime = Runtimes.find(runtimeName == null ? Runtimes.USER : runtimeName);
        Map<String, String> options = new LinkedHashMap<>();
        for (String option : RUNTIME_OPTIONS) {
            String value = given.get(option);
            if (value == null) {
                continue;
            }
            if (!runtime.options().contains(option)) {
                throw new UsageException(value, option + " \"" + value + "\" applies to --runtime " + takers(option)
                        + (runtimeName == null ? "; give --runtime" : ", not " + runtime.runtime()));
            }
            options.put(option, checked(option, value));
        }
        for (String key : given.keySet()) {
            if (!RUNTIME_OPTIONS.contains(key)) {
                throw new IllegalArgumentException("not a runtime option: " + key);
            }
        }
        for (String required : runtime.requiredOptions()) {
            if (RUNTIME_OPTIONS.contains(required) && !options.containsKey(required)) {
                throw new UsageException(runtime.runtime(), "--runtime " + runtime.runtime() + " needs " + required);
            }
        }
        if (runtime.runtime().equals("github-actions")
                && options.containsKey("--ref") == options.containsKey("--environment")) {
            throw new UsageException(runtime.runtime(), "--runtime github-actions needs exactly one of --ref REF or "
                    + "--environment NAME: the token's sub names one or the other");
        }
        if (roleName != null && runtime.trust().isEmpty()) {
            throw new UsageException(roleName, "--role-name applies to a role; give --runtime");
        }
        return new RoleRequest(runtime, options, Optional.ofNullable(
                roleName == null ? null : RuntimeOptionSyntax.roleName("--role-name", roleName)));
    }

    private static String checked(String option, String value) throws UsageException {
        switch (option) {
            case "--oidc-provider": return RuntimeOptionSyntax.oidcProvider(value);
            case "--service-account": RuntimeOptionSyntax.serviceAccount(value); return value;
            case "--cluster-arn": return RuntimeOptionSyntax.clusterArn(value);
            case "--repository": return RuntimeOptionSyntax.repository(value);
            case "--ref": return RuntimeOptionSyntax.ref(value);
            case "--environment": return RuntimeOptionSyntax.environment(value);
            case "--trusted-role": return RuntimeOptionSyntax.trustedRole(value);
            case "--external-id": return RuntimeOptionSyntax.externalId(value);
            default: throw new IllegalArgumentException(option);
        }
    }

    private static String takers(String option) {
        List<String> names = new ArrayList<>();
        for (RuntimeProfile profile : Runtimes.all()) {
            if (profile.options().contains(option)) {
                names.add(profile.runtime());
            }
        }
        return String.join(" or ", names);
    }

    /**
     * Holds the role to the request it is part of: a role needs the account it is created in, and an ARN
     * given to a runtime option must be in the request's partition.
     */
    public void checkAgainst(String partition, Optional<String> account) throws UsageException {
        if (!hasRole()) {
            return;
        }
        if (account.isEmpty()) {
            throw new UsageException(runtime.runtime(), "--runtime " + runtime.runtime()
                    + " needs --aws-account ACCOUNT_ID, the account the role is created in");
        }
        for (String option : List.of("--cluster-arn", "--trusted-role")) {
            String arn = options.get(option);
            if (arn != null && !arn.startsWith("arn:" + partition + ":")) {
                throw new UsageException(arn, option + " \"" + arn + "\" is not in partition " + partition
                        + " (--partition)");
            }
        }
    }

    /** False for {@code user}: no role, today's output. */
    public boolean hasRole() {
        return runtime.trust().isPresent();
    }

    public RuntimeProfile runtime() {
        return runtime;
    }

    /** The runtime option's checked value ({@code --ref} as a full ref), if given. */
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public Optional<String> roleName() {
        return roleName;
    }

    /** {@code --role-name}, or {@code CLIENT-dns01-RUNTIME}: the client's policy name and where it runs. */
    public String roleName(String client) {
        return roleName.orElse(client + "-dns01-" + runtime.runtime());
    }

    /** The options that rebuild this request: {@code --runtime}, its options in a fixed order, {@code --role-name}. */
    public List<String> toArguments() {
        List<String> arguments = new ArrayList<>();
        if (!hasRole()) {
            return arguments;
        }
        arguments.add("--runtime");
        arguments.add(runtime.runtime());
        for (String option : RUNTIME_OPTIONS) {
            if (options.containsKey(option)) {
                arguments.add(option);
                arguments.add(options.get(option));
            }
        }
        roleName.ifPresent(name -> {
            arguments.add("--role-name");
            arguments.add(name);
        });
        return arguments;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoleRequest other && runtime.runtime().equals(other.runtime.runtime())
                && options.equals(other.options) && roleName.equals(other.roleName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(runtime.runtime(), options, roleName);
    }

    @Override
    public String toString() {
        return String.join(" ", toArguments());
    }
}
