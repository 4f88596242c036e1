package dev.policygen.observe;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The observed command: started with a rewritten environment, its output copied as it comes to the
 * writers policygen prints to (so tests and embedding code see it too), its exit status awaited. If
 * policygen is stopped meanwhile, the child is stopped with it rather than left running.
 */
public final class ChildProcess {
    private ChildProcess() {
    }

    /**
     * Runs {@code command} to its end and returns its exit status.
     *
     * @throws IOException when the command cannot be started (not found, not executable)
     */
    public static int run(List<String> command, Consumer<Map<String, String>> environment, PrintWriter out,
            PrintWriter err) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.INHERIT);
        environment.accept(builder.environment());
        Process process = builder.start();
        Thread stopWithUs = new Thread(process::destroy, "observe-stop-child");
        Runtime.getRuntime().addShutdownHook(stopWithUs);
        Thread stdout = copier(process.getInputStream(), out, "observe-stdout");
        Thread stderr = copier(process.getErrorStream(), err, "observe-stderr");
        try {
            int status = process.waitFor();
            stdout.join();
            stderr.join();
            return status;
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(stopWithUs);
            } catch (IllegalStateException e) {
                // already shutting down: the hook runs and stops the child
            }
        }
    }

    private static Thread copier(InputStream from, PrintWriter to, String name) {
        Thread thread = new Thread(() -> {
            char[] buffer = new char[8192];
            try (Reader reader = new InputStreamReader(from, Charset.defaultCharset())) {
                int count;
                while ((count = reader.read(buffer)) >= 0) {
                    synchronized (to) {
                        to.write(buffer, 0, count);
                        to.flush();
                    }
                }
            } catch (IOException e) {
                // the child closed its end: nothing more to copy
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
