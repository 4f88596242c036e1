package dev.policygen.proof;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one client run did: its exit code and output, how long it took, every Route 53 call it made
 * as the sandbox logged it (and the log file itself, which stays until the test class ends: the
 * input a proof of `policygen observe` would read), and the certificate chain file it wrote (null
 * if none).
 */
record IssuanceResult(String client, ClientProcess.Outcome outcome, Path callLog, List<ObservedCall> calls,
        Path certificateChain) {

    boolean issued() {
        return outcome.exitCode() == 0 && certificateChain != null && Files.exists(certificateChain);
    }

    Duration wallTime() {
        return outcome.wallTime();
    }

    List<ObservedCall> deniedCalls() {
        return calls.stream().filter(ObservedCall::denied).toList();
    }

    /** Everything needed to see why a proof failed without rerunning it. */
    String describe() {
        StringBuilder text = new StringBuilder(client).append(" exited ").append(outcome.exitCode()).append(" after ")
                .append(outcome.wallTime().toMillis()).append(" ms; Route 53 calls:\n");
        for (ObservedCall call : calls) {
            text.append("  ").append(call).append('\n');
        }
        String[] lines = outcome.output().split("\n");
        text.append("last output lines:\n");
        for (int i = Math.max(0, lines.length - 25); i < lines.length; i++) {
            text.append("  ").append(lines[i]).append('\n');
        }
        return text.toString();
    }
}
