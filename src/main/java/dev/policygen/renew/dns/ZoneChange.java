package dev.policygen.renew.dns;

import dev.policygen.AwsFailure;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What adding or removing TXT values in one zone did: the ids of the changes Route 53 took (several
 * when Route 53's request limits split the sets), and the record names it would not take, each with
 * its own failure, so one bad name fails only the orders that hold it.
 */
public record ZoneChange(List<String> changeIds, Map<String, AwsFailure> refused) {
    public ZoneChange {
        changeIds = List.copyOf(changeIds);
        refused = Map.copyOf(refused);
    }

    /** This change when Route 53 took every name; else the failure of the first name it refused. */
    public ZoneChange requireAll() throws AwsFailure {
        if (!refused.isEmpty()) {
            throw refused.values().iterator().next();
        }
        return this;
    }

    /** The id of the last change sent, the one whose INSYNC means all are; empty when none was needed. */
    public Optional<String> lastChangeId() {
        return changeIds.isEmpty() ? Optional.empty() : Optional.of(changeIds.get(changeIds.size() - 1));
    }
}
