package dev.policygen.renew.state;

import dev.policygen.renew.cloud.ConditionalWrite;
import dev.policygen.renew.cloud.ObjectStore.Versioned;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A shared state prefix in memory with S3's conditional-write rules: create fails (412) on an existing
 * name, replace and delete on another ETag or a missing name. A test can queue 409 conflicts for the
 * next writes, and run a competing write just before one ({@link #beforeNextWrite}).
 */
final class MemoryStateObjects implements StateObjects {
    private final Map<String, Versioned> objects = new TreeMap<>();
    private final Deque<Boolean> conflicts = new ArrayDeque<>();
    private final List<String> calls = new ArrayList<>();
    private Runnable beforeNextWrite;
    private int version;

    /** The next {@code count} writes answer 409 ConditionalRequestConflict and change nothing. */
    synchronized void conflictNext(int count) {
        for (int i = 0; i < count; i++) {
            conflicts.add(true);
        }
    }

    synchronized void beforeNextWrite(Runnable competing) {
        beforeNextWrite = competing;
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    synchronized Optional<String> text(String name) {
        return Optional.ofNullable(objects.get(name)).map(v -> new String(v.body(), java.nio.charset.StandardCharsets.UTF_8));
    }

    synchronized boolean exists(String name) {
        return objects.containsKey(name);
    }

    @Override
    public synchronized Optional<Versioned> read(String name) {
        calls.add("GET " + name);
        return Optional.ofNullable(objects.get(name));
    }

    @Override
    public ConditionalWrite create(String name, byte[] body) {
        competing();
        synchronized (this) {
            calls.add("PUT If-None-Match " + name);
            if (conflicts.pollFirst() != null) {
                return ConditionalWrite.conflict();
            }
            if (objects.containsKey(name)) {
                return ConditionalWrite.preconditionFailed();
            }
            return store(name, body);
        }
    }

    @Override
    public ConditionalWrite replace(String name, byte[] body, String etag) {
        competing();
        synchronized (this) {
            calls.add("PUT If-Match " + name);
            if (conflicts.pollFirst() != null) {
                return ConditionalWrite.conflict();
            }
            Versioned current = objects.get(name);
            if (current == null || !current.etag().equals(etag)) {
                return ConditionalWrite.preconditionFailed();
            }
            return store(name, body);
        }
    }

    @Override
    public ConditionalWrite delete(String name, String etag) {
        competing();
        synchronized (this) {
            calls.add("DELETE If-Match " + name);
            if (conflicts.pollFirst() != null) {
                return ConditionalWrite.conflict();
            }
            Versioned current = objects.get(name);
            if (current == null || !current.etag().equals(etag)) {
                return ConditionalWrite.preconditionFailed();
            }
            objects.remove(name);
            return ConditionalWrite.written(null);
        }
    }

    @Override
    public String uri(String name) {
        return "s3://renew-state/fleet/" + name;
    }

    private void competing() {
        Runnable run;
        synchronized (this) {
            run = beforeNextWrite;
            beforeNextWrite = null;
        }
        if (run != null) {
            run.run();
        }
    }

    private ConditionalWrite store(String name, byte[] body) {
        String etag = "\"v" + (++version) + "\"";
        objects.put(name, new Versioned(body, etag));
        return ConditionalWrite.written(etag);
    }
}
