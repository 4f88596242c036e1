package dev.policygen.renew.wave;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The certificates of a pass worked on at once ({@code --concurrency}): reading, ordering, validating,
 * delivering. A certificate waiting for its wave is not working, so it gives its slot to the next
 * certificate meanwhile; that is how the orders of many certificates reach one wave.
 *
 * <p>A certificate taking its first slot goes before one coming back from its wave: otherwise the
 * hundreds of orders of a published wave queue for the slots ahead of the certificates not yet
 * ordered, ordering stalls while they validate and finalize, and the waves gathering meanwhile close
 * on a second of quiet with a handful of orders, each costing four Route 53 requests (1,000
 * certificates: 9-10 waves of 1 to 359 orders, 36-40 requests; ordering first: docs/benchmarks.md).
 * The pass's total work is the same either way; only its order changes.
 */
public final class WorkSlots {
    private final ReentrantLock lock = new ReentrantLock();
    /** Where a certificate waits for its first slot. */
    private final Condition forStart = lock.newCondition();
    /** Where an order back from its wave waits for a slot. */
    private final Condition forReturn = lock.newCondition();
    private int free;
    /** Threads waiting for a certificate's first slot: a slot freed goes to them first. */
    private int starting;
    private final ThreadLocal<Boolean> held = ThreadLocal.withInitial(() -> false);
    private final Object turns = new Object();
    /** The next certificate (in the config's order) to take its first slot. */
    private int nextTurn;

    public WorkSlots(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("at least one work slot, got " + slots);
        }
        this.free = slots;
    }

    /** Enough slots for any pass: nothing ever waits for one (tests, clean-up). */
    public static WorkSlots unlimited() {
        return new WorkSlots(Integer.MAX_VALUE / 2);
    }

    /** Takes a certificate's first slot for the calling thread, waiting for one (ahead of {@link #reacquire}). */
    public void acquire() throws InterruptedException {
        if (held.get()) {
            return;
        }
        lock.lock();
        try {
            starting++;
            try {
                while (free == 0) {
                    forStart.await();
                }
                free--;
            } finally {
                starting--;
                handOff();
            }
        } finally {
            lock.unlock();
        }
        held.set(true);
    }

    /**
     * Takes a certificate's first slot in the config's order ({@code turn} counts from 0): certificates
     * start first come, first served, as they did with one thread per slot.
     */
    public void acquireInTurn(int turn) throws InterruptedException {
        synchronized (turns) {
            while (nextTurn != turn) {
                turns.wait();
            }
        }
        try {
            acquire();
        } finally {
            synchronized (turns) {
                nextTurn++;
                turns.notifyAll();
            }
        }
    }

    /** Gives back the calling thread's slot, if it holds one. */
    public void release() {
        if (held.get()) {
            held.set(false);
            lock.lock();
            try {
                free++;
                handOff();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Whether the calling thread holds a slot. */
    boolean holds() {
        return held.get();
    }

    /**
     * Takes a slot again after a wait, once no certificate waits for its first slot, even when
     * interrupted meanwhile (the interrupt is kept).
     */
    void reacquire() {
        if (held.get()) {
            return;
        }
        lock.lock();
        try {
            while (free == 0 || starting > 0) {
                forReturn.awaitUninterruptibly();
            }
            free--;
            handOff();
        } finally {
            lock.unlock();
        }
        held.set(true);
    }

    /** Under the lock: wakes one waiter for a free slot, a starting certificate before a returning order. */
    private void handOff() {
        if (free > 0) {
            if (starting > 0) {
                forStart.signal();
            } else {
                forReturn.signal();
            }
        }
    }
}
