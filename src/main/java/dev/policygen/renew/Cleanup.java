package dev.policygen.renew;

import dev.policygen.PolicygenException;
import dev.policygen.renew.config.RenewConfig;
import dev.policygen.renew.dns.JournalFailure;
import dev.policygen.renew.dns.ZoneRecords;
import dev.policygen.renew.state.Journal;
import dev.policygen.route53.HostedZoneId;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Removes the TXT values an interrupted pass left in Route 53: exactly those its journal lists, and
 * nothing else. {@code policygen cleanup} does only this; every pass does it first.
 */
public final class Cleanup {
    private Cleanup() {
    }

    /** Opens what a pass opens, except the ACME account, and removes the leftovers; throws the first failure. */
    public static void run(RenewRequest request, AwsConnector connector, PrintWriter out)
            throws PolicygenException, InterruptedException {
        RenewConfig config = request.readConfig();
        try (PassResources resources = PassResources.open(request, config, connector, out, false)) {
            Journal journal = resources.journal();
            int count = journal.leftovers().size();
            Optional<PolicygenException> failure = removeLeftovers(journal, resources.zoneRecords());
            resources.log().info("cleanup", "values", count, "left", journal.leftovers().size());
            if (failure.isPresent()) {
                throw failure.get();
            }
        }
    }

    /**
     * Removes exactly the TXT values the journal says an earlier pass created and never removed, one
     * change per zone. Returns the first failure; the journal keeps what could not be removed.
     */
    static Optional<PolicygenException> removeLeftovers(Journal journal, ZoneRecords records)
            throws InterruptedException {
        Map<HostedZoneId, Map<String, List<String>>> byZone = new TreeMap<>();
        for (Journal.Entry entry : journal.leftovers()) {
            List<String> values = byZone.computeIfAbsent(entry.zone(), z -> new TreeMap<>())
                    .computeIfAbsent(entry.recordName(), n -> new ArrayList<>());
            if (!values.contains(entry.value())) {
                values.add(entry.value());
            }
        }
        PolicygenException failure = null;
        for (Map.Entry<HostedZoneId, Map<String, List<String>>> zone : byZone.entrySet()) {
            try {
                records.withdraw(zone.getKey(), zone.getValue()).requireAll();
                journal.forget(zone.getKey(), zone.getValue());
            } catch (PolicygenException e) {
                failure = failure != null ? failure : e;
            } catch (IOException e) {
                failure = failure != null ? failure : new JournalFailure(journal.location(), e);
            }
        }
        return Optional.ofNullable(failure);
    }
}
