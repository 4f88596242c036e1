package dev.policygen.lint.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.generate.GenerateRequest;
import dev.policygen.identity.Identity;
import dev.policygen.identity.Runtimes;
import dev.policygen.identity.TrustPolicies;
import dev.policygen.lint.Finding;
import dev.policygen.lint.LintFiles;
import dev.policygen.lint.LintOptions;
import dev.policygen.generate.SizeLimit;
import dev.policygen.testing.RandomRoleRequests;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Property (issue 11, lint's profile diff with --runtime): for seeded random role requests of every
 * runtime, the trust generate writes, linted against the same request, gives no PG503 or PG504; and
 * the diff has the probes each runtime promises (docs/rules/PG503.md), each of which a trust that
 * admits everyone ({@code "Principal": "*"}) admits, so none is a probe no trust could fail.
 * {@code -Dtrustdiff.seed=} and {@code -Dtrustdiff.requests=} change the loop.
 */
class TrustDiffPropertyTest {
    private static final long SEED = Long.getLong("trustdiff.seed", 0x7d1ffL);
    private static final int REQUESTS = Integer.getInteger("trustdiff.requests", 200);
    private static final String EVERYONE = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
            + " \"Principal\": \"*\", \"Action\": [\"sts:AssumeRole\", \"sts:AssumeRoleWithWebIdentity\","
            + " \"sts:TagSession\"]}]}";
    /** The kinds of probe each runtime must have, whatever its options. */
    private static final Map<String, List<String>> KINDS = Map.of(
            "ec2", List.of("another service principal", "an IAM role of another account"),
            "ecs-task", List.of("the service acting for another account", "another service principal"),
            "lambda", List.of("the service acting for another account", "another service principal"),
            "eks-irsa", List.of("another service account of the namespace", "another namespace", "another cluster",
                    "another audience", "the same provider in another account"),
            "eks-pod-identity", List.of("another service account of the namespace", "another namespace",
                    "another cluster", "another service principal"),
            "github-actions", List.of("another repository of the owner", "a repository of another owner",
                    "another ref or environment", "another audience"),
            "role", List.of("another role of the trusted role's account", "the trusted role's name in another account",
                    "another IAM role of the role's account"));

    @Test
    void generatedTrustDiffsCleanAndEveryProbeCanBeAdmitted() throws Exception {
        Random random = new Random(SEED);
        Map<String, Integer> perRuntime = new TreeMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            String runtime = RandomRoleRequests.runtime(random);
            List<String> args = RandomRoleRequests.arguments(random, runtime);
            GenerateRequest request = RandomRoleRequests.options(args).builder().build();
            ProfileDiff diff = ProfileDiff.of(request, request.profile().client());
            TrustDiff trust = diff.trust().orElseThrow();
            String context = "case " + i + ": " + String.join(" ", args);
            Set<String> kinds = new TreeSet<>();
            trust.probes().forEach(p -> kinds.add(p.kind()));
            assertTrue(kinds.containsAll(KINDS.get(runtime)), context + ": kinds " + kinds);
            if (args.contains("--external-id")) {
                assertTrue(kinds.contains("the trusted role without the external id"), context + ": " + kinds);
            }
            Identity identity = TrustPolicies.identity(request.role().get(), request.profile().client(),
                    request.partition().id(), request.account().get(), request.region());
            LintOptions options = new LintOptions(SizeLimit.MANAGED);
            List<Finding> own = LintFiles.lint("trust.json", identity.trust().pretty(), options, Optional.of(diff));
            assertEquals(List.of(), own.stream().filter(f -> f.ruleId().startsWith("PG50")).toList(), context);
            Set<String> admitted = new TreeSet<>();
            LintFiles.lint("everyone.json", EVERYONE, options, Optional.of(diff)).stream()
                    .filter(f -> f.ruleId().equals("PG503")).forEach(f -> admitted.add(f.message()));
            for (String kind : kinds) {
                assertTrue(admitted.stream().anyMatch(m -> m.contains(" lets " + kind + " assume the role")),
                        context + ": no finding for " + kind + " in " + admitted);
            }
            perRuntime.merge(runtime, 1, Integer::sum);
        }
        assertEquals(new TreeSet<>(Runtimes.NAMES.subList(1, Runtimes.NAMES.size())), perRuntime.keySet());
    }

    @Test
    void withoutARuntimeThereIsNoTrustDiff() throws Exception {
        GenerateRequest request = RandomRoleRequests.options(List.of("--client", "lego", "--zone",
                "Z11111112222222333333", "--domain", "example.com")).builder().build();
        assertFalse(ProfileDiff.of(request, "lego").trust().isPresent());
    }
}
