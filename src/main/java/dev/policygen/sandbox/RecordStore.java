package dev.policygen.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The sandbox's hosted zones, their record sets and the submitted changes: the one state that the
 * API emulator writes and the DNS server reads. Every read and every change holds the store's lock,
 * so a batch is applied atomically with respect to readers. With a state file, every change is saved
 * before it is acknowledged, but the file is written outside that lock: a disk slow to sync (a busy
 * machine) must not hold up the DNS server's answers, or a CA querying it times out (Pebble waits a
 * few seconds, then fails the challenge).
 */
public final class RecordStore {
    static final String NAME_SERVER_1 = "ns-1.policygen-sandbox.invalid.";
    static final String NAME_SERVER_2 = "ns-2.policygen-sandbox.invalid.";
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final Map<String, HostedZone> zones = new TreeMap<>();
    private final Map<String, TreeMap<RecordSetKey, RecordSet>> setsByZone = new LinkedHashMap<>();
    private final Map<String, ChangeInfo> changes = new LinkedHashMap<>();
    private final StateFile stateFile;
    private final Random changeIds;
    /** Held while the state file is written; the store's own lock is not. */
    private final Object fileLock = new Object();
    /** How many states were rendered (under the store's lock) and which one the file holds (under fileLock). */
    private long rendered;
    private long written;

    /** @param stateFile where state is kept across runs, or null to keep it in memory only */
    RecordStore(StateFile stateFile, long seed) {
        this.stateFile = stateFile;
        this.changeIds = new Random(seed);
    }

    /** Adds a zone with the SOA and NS sets Route 53 creates with every zone; an existing id is kept. */
    public synchronized HostedZone addZone(String normalizedName, String id) {
        String zoneId = id != null ? id : zoneIdFor(normalizedName);
        HostedZone existing = zones.get(zoneId);
        if (existing != null) {
            if (!existing.name().equals(normalizedName)) {
                throw new IllegalArgumentException("zone id " + zoneId + " is already used by " + existing.dnsName());
            }
            return existing;
        }
        HostedZone zone = new HostedZone(zoneId, normalizedName, "policygen-sandbox-" + zoneId, null);
        TreeMap<RecordSetKey, RecordSet> sets = new TreeMap<>();
        RecordSet soa = new RecordSet(normalizedName, "SOA", null, null, null, 900,
                List.of(NAME_SERVER_1 + " awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400"));
        RecordSet ns = new RecordSet(normalizedName, "NS", null, null, null, 172800,
                List.of(NAME_SERVER_1, NAME_SERVER_2));
        sets.put(soa.key(), soa);
        sets.put(ns.key(), ns);
        restoreZone(zone, sets);
        return zone;
    }

    /** Puts a zone with its sets as they were saved. */
    synchronized void restoreZone(HostedZone zone, Map<RecordSetKey, RecordSet> sets) {
        zones.put(zone.id(), zone);
        setsByZone.put(zone.id(), new TreeMap<>(sets));
    }

    synchronized void restoreChange(ChangeInfo change) {
        changes.put(change.id(), change);
    }

    /** A stable id for a zone configured without one, so restarts without a state dir agree. */
    static String zoneIdFor(String normalizedName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalizedName.getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder("Z");
            for (int i = 0; i < 20; i++) {
                id.append(ID_ALPHABET.charAt((digest[i] & 0xFF) % ID_ALPHABET.length()));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Zones in id order, as ListHostedZones pages through them. */
    public synchronized List<HostedZone> zones() {
        return new ArrayList<>(zones.values());
    }

    public synchronized HostedZone zone(String id) throws Route53Error {
        HostedZone zone = zones.get(id);
        if (zone == null) {
            throw Route53Error.noSuchHostedZone(id);
        }
        return zone;
    }

    /** The zone a normalized name belongs to: the one with the longest matching apex, or null. */
    public synchronized HostedZone zoneFor(String normalizedName) {
        HostedZone best = null;
        for (HostedZone zone : zones.values()) {
            if (zone.contains(normalizedName) && (best == null || zone.name().length() > best.name().length())) {
                best = zone;
            }
        }
        return best;
    }

    /** A snapshot of the zone's sets in ListResourceRecordSets order. */
    public synchronized List<RecordSet> sets(String zoneId) throws Route53Error {
        zone(zoneId);
        return new ArrayList<>(setsByZone.get(zoneId).values());
    }

    public synchronized int setCount(String zoneId) {
        TreeMap<RecordSetKey, RecordSet> sets = setsByZone.get(zoneId);
        return sets == null ? 0 : sets.size();
    }

    /** Applies a batch all-or-nothing and records the change that GetChange will report. */
    public ChangeInfo apply(String zoneId, List<RequestedChange> batch, String comment, Instant now,
            Duration insyncDelay) throws Route53Error {
        ChangeInfo change;
        synchronized (this) {
            HostedZone zone = zone(zoneId);
            TreeMap<RecordSetKey, RecordSet> after = ChangeBatchApplier.apply(zone, setsByZone.get(zoneId), batch);
            change = new ChangeInfo(newChangeId(), now, now.plus(insyncDelay), comment);
            setsByZone.put(zoneId, after);
            changes.put(change.id(), change);
        }
        save();
        return change;
    }

    public synchronized ChangeInfo change(String id) throws Route53Error {
        ChangeInfo change = changes.get(id);
        if (change == null) {
            throw Route53Error.sender(404, "NoSuchChange", "A change with the specified change ID does not exist.");
        }
        return change;
    }

    synchronized List<ChangeInfo> changes() {
        return new ArrayList<>(changes.values());
    }

    /**
     * Writes the state file, if there is one: the state is rendered under the store's lock, then written
     * under a lock of its own, so readers never wait for the disk; a render older than the one the file
     * already holds (two changes whose writes overtook each other) is dropped, never written over it.
     */
    /** The lock the state file is written under; a test holds it to show readers do not wait for it. */
    Object fileLock() {
        return fileLock;
    }

    void save() {
        if (stateFile == null) {
            return;
        }
        String text;
        long version;
        synchronized (this) {
            text = StateFile.render(this);
            version = ++rendered;
        }
        synchronized (fileLock) {
            if (version > written) {
                stateFile.write(text);
                written = version;
            }
        }
    }

    private String newChangeId() {
        StringBuilder id = new StringBuilder("C");
        do {
            id.setLength(1);
            for (int i = 0; i < 13; i++) {
                id.append(ID_ALPHABET.charAt(changeIds.nextInt(ID_ALPHABET.length())));
            }
        } while (changes.containsKey(id.toString()));
        return id.toString();
    }
}
