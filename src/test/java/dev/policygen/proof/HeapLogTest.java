package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fleet bench's peak heap, read from a unified GC log as the renew JVM writes it. */
class HeapLogTest {
    @Test
    void thePeakIsTheFullestHeapBeforeACollectionOrAtExit() {
        HeapLog heap = HeapLog.parse(List.of(
                "[0.003s][info][gc] Using Serial",
                "[1.899s][info][gc] GC(0) Pause Young (Allocation Failure) 100M->13M(365M) 15.065ms",
                "[3.261s][info][gc] GC(1) Pause Full (Metadata GC Threshold) 55M->18M(365M) 58.156ms",
                "[9.100s][info][gc,heap,exit] Heap",
                "[9.100s][info][gc,heap,exit]  def new generation   total 116224K, used 72594K [0x0, 0x1, 0x2)",
                "[9.100s][info][gc,heap,exit]   eden space 103360K,  64% used [0x0, 0x1, 0x2)",
                "[9.100s][info][gc,heap,exit]  tenured generation   total 258048K, used 21699K [0x0, 0x1, 0x2)",
                "[9.100s][info][gc,heap,exit]  Metaspace       used 29414K, committed 29760K, reserved 1114112K"));
        assertEquals(100 * 1024, heap.peakUsedKb());
        assertEquals(18 * 1024, heap.peakLiveKb());
        assertEquals(116224 + 258048, heap.peakCommittedKb());
        assertEquals(2, heap.collections());
    }

    @Test
    void aHeapFullerAtExitThanAtAnyCollectionPeaksAtExit() {
        HeapLog heap = HeapLog.parse(List.of(
                "[1.0s][info][gc] GC(0) Pause Young (Allocation Failure) 30M->5M(60M) 5.0ms",
                "[2.0s][info][gc,heap,exit]  def new generation   total 20000K, used 19000K [0x0, 0x1, 0x2)",
                "[2.0s][info][gc,heap,exit]  tenured generation   total 40000K, used 30000K [0x0, 0x1, 0x2)"));
        assertEquals(49000, heap.peakUsedKb());
    }
}
