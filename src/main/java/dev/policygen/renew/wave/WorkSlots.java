package dev.policygen.renew.wave;

import java.util.concurrent.Semaphore;

/**
 * The certificates of a pass worked on at once ({@code --concurrency}): reading, ordering, validating,
 * delivering. A certificate waiting for its wave is not working, so it gives its slot to the next
 * certificate meanwhile; that is how the orders of many certificates reach one wave.
 */
public final class WorkSlots {
    private final Semaphore slots;
    private final ThreadLocal<Boolean> held = ThreadLocal.withInitial(() -> false);
    private final Object turns = new Object();
    /** The next certificate (in the config's order) to take its first slot. */
    private int nextTurn;

    public WorkSlots(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("at least one work slot, got " + slots);
        }
        this.slots = new Semaphore(slots, true);
    }

    /** Enough slots for any pass: nothing ever waits for one (tests, clean-up). */
    public static WorkSlots unlimited() {
        return new WorkSlots(Integer.MAX_VALUE / 2);
    }

    /** Takes a slot for the calling thread, waiting for one. */
    public void acquire() throws InterruptedException {
        if (!held.get()) {
            slots.acquire();
            held.set(true);
        }
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
            slots.release();
        }
    }

    /** Whether the calling thread holds a slot. */
    boolean holds() {
        return held.get();
    }

    /** Takes a slot again after a wait, even when interrupted meanwhile (the interrupt is kept). */
    void reacquire() {
        if (!held.get()) {
            slots.acquireUninterruptibly();
            held.set(true);
        }
    }
}
