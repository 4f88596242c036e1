package dev.policygen.eval.oracle;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Several oracle processes sharing one seeded sequence of cases: worker k gets cases k, k+n, k+2n, ...
 * Each worker writes from its own copy of the generator (same seed, skipping the others' cases), so the
 * test reads answers in case order from {@link #answerFor(int)} while all workers run.
 */
final class OracleWorkers implements AutoCloseable {
    /** What a worker writes: the next case's line, from a generator of its own. */
    interface Lines {
        String next();
    }

    private final List<OracleProcess> processes = new ArrayList<>();

    private OracleWorkers() {
    }

    static OracleWorkers start(Path driver, Path oracleDir, int count, Supplier<Lines> generator) throws IOException {
        int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        OracleWorkers started = new OracleWorkers();
        try {
            for (int k = 0; k < workers; k++) {
                OracleProcess process = OracleProcess.start(driver, oracleDir);
                started.processes.add(process);
                process.send(lines(generator.get(), count, k, workers));
            }
        } catch (IOException | RuntimeException e) {
            started.close();
            throw e;
        }
        return started;
    }

    /** The answer line to case {@code index} (0-based); answers must be read in case order. */
    String answerFor(int index) {
        return processes.get(index % processes.size()).nextAnswer();
    }

    private static Iterator<String> lines(Lines generator, int count, int worker, int workers) {
        return new Iterator<>() {
            private int index;

            @Override
            public boolean hasNext() {
                while (index < count && index % workers != worker) {
                    generator.next();
                    index++;
                }
                return index < count;
            }

            @Override
            public String next() {
                hasNext();
                index++;
                return generator.next();
            }
        };
    }

    @Override
    public void close() {
        for (OracleProcess process : processes) {
            try {
                process.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
