package dev.policygen.renew.dns;

import dev.policygen.PolicygenException;
import dev.policygen.renew.acme.ChallengePublisher;
import dev.policygen.renew.acme.ChallengeRecord;
import dev.policygen.renew.state.Journal;
import dev.policygen.route53.HostedZoneId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * DNS-01 for one certificate order over Route 53: every TXT value of the order in ONE change per
 * zone, recorded in the journal before it is sent, waited on until INSYNC; and, once the CA has
 * decided, removed again in one change per zone, leaving other clients' values in place.
 */
public final class Route53Challenges implements ChallengePublisher {
    private final String certificate;
    private final Map<String, Optional<HostedZoneId>> configuredZones;
    private final ChallengeZones zones;
    private final ZoneRecords records;
    private final ChangeWaiter waiter;
    private final Journal journal;
    /** Zone to record name to our quoted values, from publish until withdrawn. */
    private Map<HostedZoneId, Map<String, List<String>>> published = Map.of();

    /** @param configuredZones normalized certificate name (no wildcard) to the zone the config gives, if any */
    public Route53Challenges(String certificate, Map<String, Optional<HostedZoneId>> configuredZones,
            ChallengeZones zones, ZoneRecords records, ChangeWaiter waiter, Journal journal) {
        this.certificate = certificate;
        this.configuredZones = Map.copyOf(configuredZones);
        this.zones = zones;
        this.records = records;
        this.waiter = waiter;
        this.journal = journal;
    }

    @Override
    public void publish(List<ChallengeRecord> challenges) throws PolicygenException, InterruptedException {
        Map<HostedZoneId, Map<String, List<String>>> byZone = zones.valuesByZone(challenges, configuredZones);
        List<String> changes = new ArrayList<>();
        for (Map.Entry<HostedZoneId, Map<String, List<String>>> zone : byZone.entrySet()) {
            // write-ahead: a crash after the change is sent still leaves a record of what to remove
            record(zone.getKey(), zone.getValue());
            published = withZone(zone.getKey(), zone.getValue());
            changes.addAll(records.publish(zone.getKey(), zone.getValue()).requireAll().changeIds());
        }
        waiter.awaitInSync(changes);
    }

    @Override
    public void withdraw() throws PolicygenException, InterruptedException {
        PolicygenException failure = null;
        Map<HostedZoneId, Map<String, List<String>>> remaining = new TreeMap<>(published);
        for (Map.Entry<HostedZoneId, Map<String, List<String>>> zone : published.entrySet()) {
            try {
                records.withdraw(zone.getKey(), zone.getValue()).requireAll();
                journal.forget(zone.getKey(), zone.getValue());
                remaining.remove(zone.getKey());
            } catch (IOException e) {
                remaining.remove(zone.getKey());
                failure = failure != null ? failure : new JournalFailure(journal.location(), e);
            } catch (PolicygenException e) {
                // the other zones are still cleaned; the journal keeps this one for the next run
                failure = failure != null ? failure : e;
            }
        }
        published = remaining;
        if (failure != null) {
            throw failure;
        }
    }

    private void record(HostedZoneId zone, Map<String, List<String>> values) throws JournalFailure {
        try {
            journal.record(certificate, zone, values);
        } catch (IOException e) {
            throw new JournalFailure(journal.location(), e);
        }
    }

    private Map<HostedZoneId, Map<String, List<String>>> withZone(HostedZoneId zone,
            Map<String, List<String>> values) {
        Map<HostedZoneId, Map<String, List<String>>> copy = new TreeMap<>(published);
        copy.put(zone, values);
        return copy;
    }
}
