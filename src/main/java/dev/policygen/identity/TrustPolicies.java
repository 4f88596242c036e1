package dev.policygen.identity;

import dev.policygen.UsageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds a role's trust policy from its runtime's data file: the {@code ${...}} placeholders of the
 * principal and conditions are filled in from the request; a condition with {@code when} is written only
 * when that option was given. Nothing about a runtime's trust is stated here, only in its data file.
 */
public final class TrustPolicies {
    /** The placeholders a runtime file may use. */
    public static final List<String> PLACEHOLDERS = List.of("partition", "account", "region", "oidcProvider",
            "namespace", "serviceAccountName", "clusterArn", "githubSubject", "trustedRole", "externalId");

    private TrustPolicies() {
    }

    /**
     * The role a request describes.
     *
     * @param client the client profile's name, for the default role name
     * @param region {@code --aws-region}, or empty for any region ({@code *})
     */
    public static Identity identity(RoleRequest request, String client, String partition, String account,
            Optional<String> region) throws UsageException {
        RuntimeProfile runtime = request.runtime();
        RuntimeProfile.TrustTemplate template = runtime.trust().orElseThrow(
                () -> new IllegalArgumentException("runtime " + runtime.runtime() + " has no role"));
        Map<String, String> values = values(request, partition, account, region);
        List<TrustPolicy.Condition> conditions = new ArrayList<>();
        for (RuntimeProfile.ConditionTemplate c : template.conditions()) {
            if (c.when().isPresent() && request.option(c.when().get()).isEmpty()) {
                continue;
            }
            conditions.add(new TrustPolicy.Condition(c.operator(), fill(c.key(), values), fill(c.value(), values),
                    c.why(), c.source()));
        }
        TrustPolicy trust = new TrustPolicy(List.of(new TrustPolicy.Statement(template.sid(),
                template.principalType(), List.of(fill(template.principal(), values)), template.actions(),
                conditions)));
        int size = trust.quotaSize();
        if (size > TrustPolicy.DEFAULT_SIZE_QUOTA) {
            throw new UsageException(runtime.runtime(), "the trust policy is " + size + " characters, over IAM's "
                    + "default quota of " + TrustPolicy.DEFAULT_SIZE_QUOTA + " for a role trust policy");
        }
        return new Identity(request.roleName(client), runtime.runtime(), trust, runtime.instanceProfile());
    }

    private static Map<String, String> values(RoleRequest request, String partition, String account,
            Optional<String> region) {
        Map<String, String> values = new TreeMap<>();
        values.put("partition", partition);
        values.put("account", account);
        values.put("region", region.orElse("*"));
        request.option("--oidc-provider").ifPresent(v -> values.put("oidcProvider", v));
        request.option("--service-account").ifPresent(v -> {
            values.put("namespace", v.substring(0, v.indexOf('/')));
            values.put("serviceAccountName", v.substring(v.indexOf('/') + 1));
        });
        request.option("--cluster-arn").ifPresent(v -> values.put("clusterArn", v));
        request.option("--repository").ifPresent(repository -> values.put("githubSubject", "repo:" + repository
                + request.option("--environment").map(e -> ":environment:" + e)
                        .orElseGet(() -> ":ref:" + request.option("--ref").orElseThrow())));
        request.option("--trusted-role").ifPresent(v -> values.put("trustedRole", v));
        request.option("--external-id").ifPresent(v -> values.put("externalId", v));
        return values;
    }

    /** The template with every {@code ${name}} replaced; a name without a value is a defect in the data file. */
    static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int start = template.indexOf("${", at);
            if (start < 0) {
                return out.append(template, at, template.length()).toString();
            }
            int end = template.indexOf('}', start);
            String name = template.substring(start + 2, end);
            String value = values.get(name);
            if (value == null) {
                throw new IllegalStateException("runtime placeholder ${" + name + "} has no value in \"" + template
                        + "\"");
            }
            out.append(template, at, start).append(value);
            at = end + 1;
        }
    }
}
