package dev.policygen.renew.wave;

import dev.policygen.AwsFailure;
import dev.policygen.PolicygenException;
import dev.policygen.renew.dns.ChangeWaiter;
import dev.policygen.renew.dns.JournalFailure;
import dev.policygen.renew.dns.ZoneChange;
import dev.policygen.renew.dns.ZoneRecords;
import dev.policygen.renew.state.Journal;
import dev.policygen.route53.HostedZoneId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;

/**
 * One wave: the orders that gathered together, their TXT values merged per zone, published in one
 * change per zone (as few as Route 53's limits allow) and one wait for INSYNC, then removed in one
 * clean-up per zone once every order has withdrawn. A failure of one zone fails only the orders with a
 * name in it, a name Route 53 refuses only the orders that hold it.
 */
final class Wave {
    /** One order of the wave: its certificate and its values, zone to record name to quoted values. */
    record Order(String certificate, Map<HostedZoneId, Map<String, List<String>>> values) {
    }

    private final int number;
    private final List<Order> orders = new ArrayList<>();
    private final Map<Order, PolicygenException> failures = new HashMap<>();
    /** Per zone, the names Route 53 refused at publish: never written, so nothing to clean there. */
    private final Map<HostedZoneId, Set<String>> refusedAtPublish = new TreeMap<>();
    private final CountDownLatch published = new CountDownLatch(1);
    private int withdrawn;
    private boolean publishDone;
    private boolean cleaned;

    Wave(int number) {
        this.number = number;
    }

    int number() {
        return number;
    }

    synchronized void add(Order order) {
        orders.add(order);
    }

    synchronized int size() {
        return orders.size();
    }

    /** Zone to record name to every order's values at that name, each value once. */
    synchronized Map<HostedZoneId, Map<String, List<String>>> merged() {
        Map<HostedZoneId, Map<String, List<String>>> merged = new TreeMap<>();
        for (Order order : orders) {
            order.values().forEach((zone, names) -> names.forEach((name, values) -> {
                List<String> all = merged.computeIfAbsent(zone, z -> new TreeMap<>())
                        .computeIfAbsent(name, n -> new ArrayList<>());
                for (String value : values) {
                    if (!all.contains(value)) {
                        all.add(value);
                    }
                }
            }));
        }
        return merged;
    }

    /**
     * Publishes the wave: per zone, every order's values journalled (before anything is sent), one
     * conditional change, then one wait per zone until INSYNC. Returns the zones' change ids by zone.
     */
    Map<HostedZoneId, List<String>> publish(ZoneRecords records, ChangeWaiter waiter, Journal journal)
            throws InterruptedException {
        Map<HostedZoneId, List<String>> changes = new LinkedHashMap<>();
        try {
            for (Map.Entry<HostedZoneId, Map<String, List<String>>> zone : merged().entrySet()) {
                HostedZoneId id = zone.getKey();
                try {
                    // write-ahead, every order in one save: a crash after the change is sent still leaves a
                    // record of what to remove
                    record(journal, ordersIn(id), id);
                    ZoneChange change = records.publish(id, zone.getValue());
                    changes.put(id, change.changeIds());
                    change.refused().forEach((name, failure) -> refuse(id, name, failure));
                } catch (PolicygenException e) {
                    failAll(id, e);
                }
            }
            for (Map.Entry<HostedZoneId, List<String>> zone : changes.entrySet()) {
                try {
                    waiter.awaitInSync(zone.getValue());
                } catch (PolicygenException e) {
                    failAll(zone.getKey(), e);
                }
            }
            return changes;
        } catch (InterruptedException | RuntimeException e) {
            abandon(new AwsFailure(AwsFailure.Kind.UNREACHABLE, "interrupted while publishing the wave", e));
            throw e;
        } finally {
            synchronized (this) {
                publishDone = true;
            }
            published.countDown();
        }
    }

    /** Every order fails with {@code failure} (nothing was published for them), and the wave ends. */
    void abandon(PolicygenException failure) {
        synchronized (this) {
            for (Order order : orders) {
                failures.putIfAbsent(order, failure);
            }
            publishDone = true;
        }
        published.countDown();
    }

    /** Waits for the wave's values to be INSYNC; then the order's own failure, if it has one. */
    Optional<PolicygenException> awaitPublished(Order order) throws InterruptedException {
        published.await();
        synchronized (this) {
            return Optional.ofNullable(failures.get(order));
        }
    }

    /** One more order withdrew; true when the caller is to clean up the wave now (the last one out). */
    synchronized boolean withdrawnAndLast() {
        withdrawn++;
        return cleanable();
    }

    /** True when the publisher is to clean up now: every order withdrew while the wave was published. */
    synchronized boolean publishedAndLast() {
        return cleanable();
    }

    private boolean cleanable() {
        if (cleaned || !publishDone || withdrawn < orders.size()) {
            return false;
        }
        cleaned = true;
        return true;
    }

    /**
     * Removes every value of the wave, one change per zone, and forgets them in the journal; a zone
     * that cannot be cleaned stays in the journal for the next run and is returned as a failure.
     */
    List<PolicygenException> cleanUp(ZoneRecords records, Journal journal) throws InterruptedException {
        List<PolicygenException> failed = new ArrayList<>();
        for (Map.Entry<HostedZoneId, Map<String, List<String>>> zone : merged().entrySet()) {
            HostedZoneId id = zone.getKey();
            Map<String, List<String>> written = new TreeMap<>(zone.getValue());
            Map<String, List<String>> neverWritten = new TreeMap<>();
            synchronized (this) {
                for (String name : refusedAtPublish.getOrDefault(id, Set.of())) {
                    neverWritten.put(name, written.remove(name));
                }
            }
            try {
                ZoneChange change = written.isEmpty() ? new ZoneChange(List.of(), Map.of())
                        : records.withdraw(id, written);
                Map<String, List<String>> removed = new TreeMap<>(written);
                removed.keySet().removeAll(change.refused().keySet());
                removed.putAll(neverWritten);
                journal.forget(id, removed);
                if (!change.refused().isEmpty()) {
                    failed.add(change.refused().values().iterator().next());
                }
            } catch (IOException e) {
                failed.add(new JournalFailure(journal.location(), e));
            } catch (PolicygenException e) {
                failed.add(e);
            }
        }
        return failed;
    }

    private synchronized List<Order> ordersIn(HostedZoneId zone) {
        return orders.stream().filter(order -> order.values().containsKey(zone)).toList();
    }

    private static void record(Journal journal, List<Order> orders, HostedZoneId zone) throws JournalFailure {
        Map<String, Map<String, List<String>>> byCertificate = new LinkedHashMap<>();
        for (Order order : orders) {
            byCertificate.put(order.certificate(), order.values().get(zone));
        }
        try {
            journal.recordAll(zone, byCertificate);
        } catch (IOException e) {
            throw new JournalFailure(journal.location(), e);
        }
    }

    private synchronized void refuse(HostedZoneId zone, String name, AwsFailure failure) {
        refusedAtPublish.computeIfAbsent(zone, z -> new TreeSet<>()).add(name);
        for (Order order : orders) {
            if (order.values().getOrDefault(zone, Map.of()).containsKey(name)) {
                failures.putIfAbsent(order, failure);
            }
        }
    }

    private synchronized void failAll(HostedZoneId zone, PolicygenException failure) {
        for (Order order : orders) {
            if (order.values().containsKey(zone)) {
                failures.putIfAbsent(order, failure);
            }
        }
    }
}
