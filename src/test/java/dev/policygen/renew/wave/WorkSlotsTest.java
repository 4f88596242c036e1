package dev.policygen.renew.wave;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * A freed slot goes to a certificate taking its first slot before an order coming back from its
 * wave, so ordering never stalls behind a published wave (issue 13, the 1,000-certificate bench).
 */
class WorkSlotsTest {
    @Test
    void aStartingCertificateGoesBeforeAReturningOrder() throws Exception {
        WorkSlots slots = new WorkSlots(1);
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch holderMayRelease = new CountDownLatch(1);
        CountDownLatch holderHolds = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try {
                slots.acquire();
                holderHolds.countDown();
                holderMayRelease.await();
                slots.release();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        holder.start();
        holderHolds.await();
        // the returning order asks first, the starting certificate second: the starter still goes first
        Thread returning = new Thread(() -> {
            slots.reacquire();
            order.add("returning");
            slots.release();
        });
        returning.start();
        awaitWaiting(returning);
        Thread starting = new Thread(() -> {
            try {
                slots.acquire();
                order.add("starting");
                slots.release();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        starting.start();
        awaitWaiting(starting);
        holderMayRelease.countDown();
        for (Thread thread : List.of(holder, returning, starting)) {
            thread.join();
        }
        assertEquals(List.of("starting", "returning"), order);
    }

    @Test
    void aReturningOrderGetsAFreeSlotWhenNoCertificateIsStarting() {
        WorkSlots slots = new WorkSlots(2);
        slots.reacquire();
        assertTrue(slots.holds());
        slots.release();
        assertFalse(slots.holds());
    }

    @Test
    void anInterruptedStarterLetsTheReturningOrderThrough() throws Exception {
        WorkSlots slots = new WorkSlots(1);
        CountDownLatch holderHolds = new CountDownLatch(1);
        CountDownLatch holderMayRelease = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try {
                slots.acquire();
                holderHolds.countDown();
                holderMayRelease.await();
                slots.release();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        holder.start();
        holderHolds.await();
        Thread starting = new Thread(() -> {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        starting.start();
        awaitWaiting(starting);
        List<String> order = new CopyOnWriteArrayList<>();
        Thread returning = new Thread(() -> {
            slots.reacquire();
            order.add("returning");
        });
        returning.start();
        awaitWaiting(returning);
        starting.interrupt();
        starting.join();
        holderMayRelease.countDown();
        holder.join();
        returning.join();
        assertEquals(List.of("returning"), order);
    }

    private static void awaitWaiting(Thread thread) throws InterruptedException {
        while (thread.getState() != Thread.State.WAITING) {
            Thread.sleep(1);
        }
    }
}
