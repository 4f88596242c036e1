package dev.policygen.bench;

import dev.policygen.eval.AccessRequest;
import dev.policygen.eval.Decision;
import dev.policygen.eval.PolicyEvaluator;
import dev.policygen.json.JsonNode;
import dev.policygen.model.PolicyDocument;
import dev.policygen.model.PolicyReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Evaluator decisions per second on lego's Route 53 calls. Two figures per request:
 * {@code precompiled} is how simulate and the scenario runner use the evaluator (compile the
 * policies once, evaluate many requests); {@code compileThenEvaluate} compiles the parsed policy
 * for every request, which is what iam-simulate's runUnsafeSimulation does with its policy objects,
 * so it is the like-for-like comparison.
 */
// modest settings for a 2-core machine: the whole bench/evaluator.sh run stays under 5 minutes
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 3, time = 1)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EvaluatorBenchmark {
    @Param({"change-allowed", "change-denied-name", "change-denied-network", "get-change", "list-zones-by-name"})
    public String request;

    private List<PolicyDocument> documents;
    private PolicyEvaluator evaluator;
    private AccessRequest access;

    @Setup
    public void setUp() throws Exception {
        Route53BenchRequests.Case chosen = Route53BenchRequests.cases().get(request);
        documents = new ArrayList<>();
        for (JsonNode policy : chosen.pair().policies()) {
            documents.add(PolicyReader.fromJson(policy, "lego"));
        }
        evaluator = PolicyEvaluator.of(documents);
        access = chosen.pair().request();
        Decision decision = evaluator.evaluate(access).decision();
        if (decision != chosen.expected()) {
            throw new IllegalStateException(request + " is " + decision + ", expected " + chosen.expected());
        }
    }

    @Benchmark
    public Decision precompiled() {
        return evaluator.evaluate(access).decision();
    }

    @Benchmark
    public Decision compileThenEvaluate() {
        return PolicyEvaluator.of(documents).evaluate(access).decision();
    }
}
