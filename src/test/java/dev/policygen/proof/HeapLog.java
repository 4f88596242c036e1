package dev.policygen.proof;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The heap of one renew JVM, read from its unified GC log ({@link #jvmOptions}): the heap only
 * grows between collections, so its peak is the largest occupancy just before a collection or at
 * exit (the exit dump of every generation). Also the largest occupancy just after a collection (what
 * the run kept alive at its fullest) and the largest committed heap.
 */
record HeapLog(long peakUsedKb, long peakLiveKb, long peakCommittedKb, int collections) {
    private static final Pattern PAUSE = Pattern.compile("Pause .*? (\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern GENERATION = Pattern.compile("generation +total (\\d+)K, used (\\d+)K");

    /** The options that make the log: every collection, and the generations at exit. */
    static List<String> jvmOptions(Path log) {
        return List.of("-Xlog:gc,gc+heap+exit:file=" + log);
    }

    static HeapLog read(Path log) throws IOException {
        return parse(Files.readAllLines(log, StandardCharsets.UTF_8));
    }

    static HeapLog parse(List<String> lines) {
        long used = 0;
        long live = 0;
        long committed = 0;
        long exitUsed = 0;
        long exitCommitted = 0;
        int collections = 0;
        for (String line : lines) {
            Matcher pause = PAUSE.matcher(line);
            if (pause.find()) {
                collections++;
                used = Math.max(used, Long.parseLong(pause.group(1)) * 1024);
                live = Math.max(live, Long.parseLong(pause.group(2)) * 1024);
                committed = Math.max(committed, Long.parseLong(pause.group(3)) * 1024);
                continue;
            }
            Matcher generation = GENERATION.matcher(line);
            if (generation.find()) {
                exitCommitted += Long.parseLong(generation.group(1));
                exitUsed += Long.parseLong(generation.group(2));
            }
        }
        return new HeapLog(Math.max(used, exitUsed), live, Math.max(committed, exitCommitted), collections);
    }

    String markdown() {
        return mb(peakUsedKb) + " MB (live after GC ≤ " + mb(peakLiveKb) + " MB, committed ≤ " + mb(peakCommittedKb)
                + " MB, " + collections + " GCs)";
    }

    static String mb(long kb) {
        return String.valueOf(Math.round(kb / 1024.0));
    }
}
