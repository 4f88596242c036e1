package dev.policygen.generate;

import dev.policygen.UsageException;
import dev.policygen.profile.ProfileCall;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands the ARN templates of calls beyond Route 53. A placeholder the user did not fill becomes
 * {@code *} in its segment; {@code ${elb}} becomes one ARN per load balancer name.
 */
public final class ResourceTemplate {
    static final String PARTITION = "${partition}";
    static final String REGION = "${region}";
    static final String ACCOUNT = "${account}";
    static final String ELB = "${elb}";
    static final String ACCOUNT_KEY_OBJECT = "${account-key-object}";

    private ResourceTemplate() {
    }

    public static List<String> expand(String template, GenerateRequest request) {
        String arn = template.replace(PARTITION, request.partition().id())
                .replace(REGION, request.region().orElse("*"))
                .replace(ACCOUNT, request.account().orElse("*"))
                .replace(ACCOUNT_KEY_OBJECT, request.accountKeyObject().orElse("*"));
        if (!arn.contains(ELB)) {
            return List.of(arn);
        }
        if (request.elbNames().isEmpty()) {
            return List.of(arn.replace(ELB, "*"));
        }
        List<String> arns = new ArrayList<>();
        for (String name : request.elbNames()) {
            arns.add(arn.replace(ELB, name));
        }
        return arns;
    }

    /** An option that scopes no call of the chosen client is a mistake worth saying. */
    static void checkUsed(GenerateRequest request) throws UsageException {
        check(request, request.region().isPresent(), REGION, "--aws-region");
        check(request, request.account().isPresent(), ACCOUNT, "--aws-account");
        check(request, !request.elbNames().isEmpty(), ELB, "--elb-name");
        check(request, request.accountKeyObject().isPresent(), ACCOUNT_KEY_OBJECT, "--account-key");
        for (ProfileCall call : request.profile().calls()) {
            boolean active = call.when().isEmpty() || request.clientSettings().contains(call.when().get());
            if (active && call.resource().contains(ACCOUNT_KEY_OBJECT) && request.accountKeyObject().isEmpty()) {
                throw new UsageException(call.when().orElse(call.action()), call.action()
                        + " needs the object it reads: give --account-key s3://BUCKET/KEY");
            }
        }
    }

    private static void check(GenerateRequest request, boolean given, String placeholder, String option)
            throws UsageException {
        if (!given) {
            return;
        }
        for (ProfileCall call : request.profile().calls()) {
            if (call.resource().contains(placeholder)) {
                return;
            }
        }
        throw new UsageException(option, request.profile().client() + " makes no call that " + option + " scopes");
    }
}
