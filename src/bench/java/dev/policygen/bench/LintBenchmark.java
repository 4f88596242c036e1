package dev.policygen.bench;

import dev.policygen.lint.LintOptions;
import dev.policygen.lint.Linter;
import dev.policygen.lint.input.PolicyInputs;
import dev.policygen.lint.rules.RuleRegistry;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lint throughput in policies per second: one invocation lints the whole {@link LintCorpus} from
 * text, as {@code policygen lint} does per file (input recognition, parse, every rule).
 */
// modest settings for a 2-core machine: the whole bench/evaluator.sh run stays under 5 minutes
@Fork(2)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LintBenchmark {
    private List<String> corpus;
    private Linter linter;

    @Setup
    public void setUp() {
        corpus = LintCorpus.texts();
        linter = RuleRegistry.linter(Set.of(), Optional.empty());
    }

    /** Returns the number of findings, so the work cannot be optimized away. */
    @Benchmark
    @OperationsPerInvocation(LintCorpus.SIZE)
    public int lintCorpus() {
        int findings = 0;
        for (String text : corpus) {
            findings += linter.lint(PolicyInputs.extract("policy.json", text, LintOptions.DEFAULT)).size();
        }
        return findings;
    }
}
