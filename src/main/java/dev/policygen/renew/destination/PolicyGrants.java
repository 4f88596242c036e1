package dev.policygen.renew.destination;

import dev.policygen.UsageException;
import dev.policygen.generate.GenerateRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The generate options a config's destinations need, collected from each destination
 * ({@link DestinationKind#grant}): every value once, in the order of {@link GenerateFlag} and then
 * of the config, whatever order the destinations come in. A switch is kept with no values.
 */
public final class PolicyGrants {
    private final boolean deleteOld;
    private final Map<GenerateFlag, Set<String>> values = new EnumMap<>(GenerateFlag.class);

    private PolicyGrants(boolean deleteOld) {
        this.deleteOld = deleteOld;
    }

    /**
     * The grants of {@code destinations}, in their order; {@code deleteOld} is renew's --delete-old,
     * which destinations that replace IAM server certificates grant.
     */
    public static PolicyGrants of(List<DestinationKind> destinations, boolean deleteOld) {
        PolicyGrants grants = new PolicyGrants(deleteOld);
        destinations.forEach(destination -> destination.grant(grants));
        return grants;
    }

    /** Whether the run deletes the IAM server certificates it replaced (renew --delete-old). */
    public boolean deleteOld() {
        return deleteOld;
    }

    /** An option with a value (a name or an ARN). */
    public void add(GenerateFlag flag, String value) {
        if (flag.value() == GenerateFlag.Value.NONE) {
            throw new IllegalArgumentException(flag.option() + " takes no value");
        }
        values.computeIfAbsent(flag, f -> new LinkedHashSet<>()).add(value);
    }

    /** A switch. */
    public void add(GenerateFlag flag) {
        if (flag.value() != GenerateFlag.Value.NONE) {
            throw new IllegalArgumentException(flag.option() + " takes a value");
        }
        values.computeIfAbsent(flag, f -> new LinkedHashSet<>());
    }

    /** Whether no destination makes an AWS request at all (only {@code files}): there is no policy to make. */
    public boolean none() {
        return values.isEmpty();
    }

    /** Whether a destination makes a request whose ARN has the run's region. */
    public boolean regional() {
        return values.keySet().stream().anyMatch(flag -> flag.needs() == GenerateFlag.Needs.REGION_AND_ACCOUNT);
    }

    /** Whether a destination makes a request whose ARN has the run's account. */
    public boolean inAccount() {
        return values.keySet().stream().anyMatch(flag -> flag.needs() != GenerateFlag.Needs.NOTHING);
    }

    /** The ARNs the destinations name, listener ARNs before certificate ARNs; the first gives the partition. */
    public List<String> arns() {
        List<String> arns = new ArrayList<>();
        values.forEach((flag, given) -> {
            if (flag.value() == GenerateFlag.Value.ARN) {
                arns.addAll(given);
            }
        });
        return arns;
    }

    /** Sets the options on {@code builder}. */
    public void apply(GenerateRequest.Builder builder) throws UsageException {
        for (Map.Entry<GenerateFlag, Set<String>> flag : values.entrySet()) {
            if (flag.getKey().value() == GenerateFlag.Value.NONE) {
                flag.getKey().apply(builder, null);
            }
            for (String value : flag.getValue()) {
                flag.getKey().apply(builder, value);
            }
        }
    }

}
