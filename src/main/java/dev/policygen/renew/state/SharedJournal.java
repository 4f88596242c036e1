package dev.policygen.renew.state;

import dev.policygen.InputException;
import dev.policygen.PolicygenException;
import dev.policygen.renew.cloud.ObjectStore.Versioned;
import dev.policygen.renew.pace.Sleeper;
import dev.policygen.renew.state.Journal.Entry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code journal.json} in a shared state prefix, written by every runner. Each runner changes only
 * its own entries: a save sends what it added and removed, applied to the object as it is now with
 * {@link ConditionalUpdate}, so concurrent runners' entries are kept. At open, a runner takes on the
 * orphans, the entries of certificates whose lease nobody holds any more (a crashed runner's, or
 * values an earlier clean-up could not remove), and removes them like a local journal's leftovers.
 */
final class SharedJournal implements JournalStore {
    static final String NAME = "journal.json";

    private final StateObjects objects;
    private final Leases leases;
    private final Sleeper sleeper;

    SharedJournal(StateObjects objects, Leases leases, Sleeper sleeper) {
        this.objects = objects;
        this.leases = leases;
        this.sleeper = sleeper;
    }

    @Override
    public List<Entry> load() throws PolicygenException, InterruptedException {
        Optional<Versioned> current = objects.read(NAME);
        if (current.isEmpty()) {
            return new ArrayList<>();
        }
        List<Entry> orphans = new ArrayList<>();
        Map<String, Boolean> held = new HashMap<>();
        for (Entry entry : parse(current.get().body())) {
            Boolean live = held.get(entry.certificate());
            if (live == null) {
                live = leases.heldByAnyone(entry.certificate());
                held.put(entry.certificate(), live);
            }
            if (!live) {
                orphans.add(entry);
            }
        }
        return orphans;
    }

    @Override
    public void save(List<Entry> before, List<Entry> after) throws IOException {
        List<Entry> added = minus(after, before);
        List<Entry> removed = minus(before, after);
        try {
            ConditionalUpdate.apply(objects, NAME, sleeper, body -> {
                List<Entry> next = new ArrayList<>();
                try {
                    next.addAll(body.isPresent() ? parse(body.get()) : List.of());
                } catch (InputException e) {
                    throw new IOException(e.getMessage(), e);
                }
                next.removeIf(entry -> indexOf(removed, entry) >= 0);
                for (Entry entry : added) {
                    if (indexOf(next, entry) < 0) {
                        next.add(entry);
                    }
                }
                return JournalCodec.render(next).getBytes(StandardCharsets.UTF_8);
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted writing " + location());
        }
    }

    private List<Entry> parse(byte[] body) throws InputException {
        return JournalCodec.parse(new String(body, StandardCharsets.UTF_8), location());
    }

    /** The entries of {@code from} whose value {@code without} lacks (one value is one zone, name and value). */
    private static List<Entry> minus(List<Entry> from, List<Entry> without) {
        List<Entry> rest = new ArrayList<>();
        for (Entry entry : from) {
            if (indexOf(without, entry) < 0) {
                rest.add(entry);
            }
        }
        return rest;
    }

    private static int indexOf(List<Entry> list, Entry wanted) {
        for (int i = 0; i < list.size(); i++) {
            Entry entry = list.get(i);
            if (entry.zone().equals(wanted.zone()) && entry.recordName().equals(wanted.recordName())
                    && entry.value().equals(wanted.value())) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String location() {
        return objects.uri(NAME);
    }

    @Override
    public void close() {
        // nothing is held: the leases are released by the pass
    }
}
