package dev.policygen.eval.oracle;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Several oracle processes sharing one seeded sequence of cases, each case generated once: a producer
 * thread generates case i, writes its line to worker i mod n and queues the case; the test takes cases in
 * order ({@link #nextCase()}) and reads each one's answer ({@link #answerFor(int)}). The queue holds more
 * cases than the drivers batch answers (256 per worker), so the producer never waits on an answer the test
 * cannot read yet.
 */
final class OracleWorkers<T> implements AutoCloseable {
    private static final int QUEUED = 4096;

    private final List<OracleProcess> processes = new ArrayList<>();
    private final BlockingQueue<T> cases = new ArrayBlockingQueue<>(QUEUED);
    private Thread producer;
    private volatile Throwable producerFailure;

    private OracleWorkers() {
    }

    static <T> OracleWorkers<T> start(Path driver, Path oracleDir, int count, Supplier<T> generator,
            Function<T, String> line) throws IOException {
        int workers = OracleRun.workers();
        OracleWorkers<T> started = new OracleWorkers<>();
        List<BufferedWriter> inputs = new ArrayList<>();
        try {
            for (int k = 0; k < workers; k++) {
                OracleProcess process = OracleProcess.start(driver, oracleDir);
                started.processes.add(process);
                inputs.add(new BufferedWriter(new OutputStreamWriter(process.input(), StandardCharsets.UTF_8), 1 << 16));
            }
        } catch (IOException | RuntimeException e) {
            started.close();
            throw e;
        }
        started.producer = new Thread(() -> {
            try {
                for (int i = 0; i < count; i++) {
                    T next = generator.get();
                    BufferedWriter out = inputs.get(i % workers);
                    out.write(line.apply(next));
                    out.write('\n');
                    if (i % 64 == 63) {
                        for (BufferedWriter input : inputs) {
                            input.flush();
                        }
                    }
                    started.cases.put(next);
                }
            } catch (Throwable e) {
                started.producerFailure = e;
            } finally {
                for (BufferedWriter input : inputs) {
                    try {
                        input.close();
                    } catch (IOException e) {
                        started.producerFailure = e;
                    }
                }
            }
        }, "oracle-cases");
        started.producer.setDaemon(true);
        started.producer.start();
        return started;
    }

    /** The next case, in the order the oracle answers them. */
    T nextCase() throws InterruptedException {
        T next;
        while ((next = cases.poll(1, java.util.concurrent.TimeUnit.SECONDS)) == null) {
            if (producerFailure != null) {
                throw new IllegalStateException("generating cases failed", producerFailure);
            }
            if (!producer.isAlive() && cases.isEmpty()) {
                throw new IllegalStateException("no more cases");
            }
        }
        return next;
    }

    /** The answer line to case {@code index} (0-based); answers must be read in case order. */
    String answerFor(int index) {
        return processes.get(index % processes.size()).nextAnswer();
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
