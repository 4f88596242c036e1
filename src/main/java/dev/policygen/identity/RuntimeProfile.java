package dev.policygen.identity;

import java.util.List;
import java.util.Optional;

/**
 * One runtime as its data file {@code runtimes/<runtime>.json} says: the options it takes and the trust
 * statement it writes, with {@code ${...}} placeholders ({@link TrustPolicies#PLACEHOLDERS}) for the
 * request's values. The {@code user} runtime has no trust: it is today's output, a policy and no role.
 */
public record RuntimeProfile(
        String runtime,
        String title,
        String documentation,
        List<String> requiredOptions,
        List<String> optionalOptions,
        boolean instanceProfile,
        Optional<TrustTemplate> trust,
        List<String> notes) {

    public RuntimeProfile {
        requiredOptions = List.copyOf(requiredOptions);
        optionalOptions = List.copyOf(optionalOptions);
        notes = List.copyOf(notes);
    }

    /** Every option of this runtime, required ones first. */
    public List<String> options() {
        List<String> all = new java.util.ArrayList<>(requiredOptions);
        all.addAll(optionalOptions);
        return all;
    }

    /** The trust statement before its placeholders are filled in. */
    public record TrustTemplate(String sid, String principalType, String principal, List<String> actions,
            String source, List<ConditionTemplate> conditions) {
        public TrustTemplate {
            actions = List.copyOf(actions);
            conditions = List.copyOf(conditions);
        }
    }

    /**
     * One condition; {@code when} names the option that must be given for it to be written
     * ({@code --external-id}), empty for a condition always written.
     */
    public record ConditionTemplate(String operator, String key, String value, Optional<String> when, String why,
            String source) {
    }
}
