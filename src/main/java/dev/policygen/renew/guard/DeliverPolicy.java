package dev.policygen.renew.guard;

import dev.policygen.UsageException;
import dev.policygen.generate.GenerateCommandLine;
import dev.policygen.generate.GenerateRequest;
import dev.policygen.generate.GeneratedPolicy;
import dev.policygen.generate.PolicyGenerator;
import dev.policygen.model.PolicyDocument;
import dev.policygen.profile.Profiles;
import dev.policygen.renew.destination.PolicyGrants;
import java.util.Optional;

/**
 * The policy {@code policygen generate --client deliver} makes for the destinations of one
 * {@code policygen deliver}, and the command line that makes it: the destinations' own generate
 * options ({@link PolicyGrants}, the ones renew prints too) on the {@code deliver} profile, which has
 * no Route 53 call. The guard evaluates this request and prints this line, so they cannot differ.
 */
public final class DeliverPolicy {
    /** The profile of delivery alone (policies/deliver.json). */
    public static final String CLIENT = "deliver";

    private final GenerateRequest request;

    private DeliverPolicy(GenerateRequest request) {
        this.request = request;
    }

    /**
     * The policy of the destinations' grants; {@code region} and {@code account} are the run's where
     * known ({@code *} in ARNs otherwise), kept only when a destination's ARNs carry them.
     *
     * @throws UsageException when a value is one generate refuses
     */
    public static DeliverPolicy of(PolicyGrants grants, Optional<String> region, Optional<String> account)
            throws UsageException {
        GenerateRequest.Builder builder = GenerateRequest.builder(Profiles.bundled().find(CLIENT));
        RenewResources.of(grants, region, account, Optional.empty(), Optional.empty()).apply(builder);
        return new DeliverPolicy(builder.build());
    }

    public GenerateRequest request() {
        return request;
    }

    /** The generated policy as one document, as the evaluator takes it (deliver has no network deny). */
    public PolicyDocument document() throws UsageException {
        GeneratedPolicy policy = PolicyGenerator.generate(request);
        return PolicyDocument.of(policy.allow());
    }

    /** {@code policygen generate --client deliver ...}, quoted for a POSIX shell. */
    public String commandLine() {
        return GenerateCommandLine.of(request);
    }
}
