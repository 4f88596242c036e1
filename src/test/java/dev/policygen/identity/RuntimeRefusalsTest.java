package dev.policygen.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.testing.CliRun;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad runtime option values: exit 2 and one line naming the value (the golden .err cases show full lines). */
class RuntimeRefusalsTest {
    private static final String OIDC = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
    private static final String CLUSTER = "arn:aws:eks:us-east-1:111122223333:cluster/prod";

    static Stream<Arguments> refusals() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("oidc.eks.us-east-1.amazonaws.com", List.of("--runtime", "eks-irsa", "--oidc-provider",
                "oidc.eks.us-east-1.amazonaws.com", "--service-account", "a/b")));
        cases.add(Arguments.of("oidc.eks.*.amazonaws.com/id/X", List.of("--runtime", "eks-irsa", "--oidc-provider",
                "oidc.eks.*.amazonaws.com/id/X", "--service-account", "a/b")));
        cases.add(Arguments.of("Cert-Manager/x", List.of("--runtime", "eks-irsa", "--oidc-provider", OIDC,
                "--service-account", "Cert-Manager/x")));
        cases.add(Arguments.of("cert-manager", List.of("--runtime", "eks-irsa", "--oidc-provider", OIDC,
                "--service-account", "cert-manager")));
        cases.add(Arguments.of("eks-irsa", List.of("--runtime", "eks-irsa", "--oidc-provider", OIDC)));
        cases.add(Arguments.of("arn:aws:eks:us-east-1:111122223333:nodegroup/prod", List.of("--runtime",
                "eks-pod-identity", "--cluster-arn", "arn:aws:eks:us-east-1:111122223333:nodegroup/prod",
                "--service-account", "a/b")));
        cases.add(Arguments.of("arn:aws:eks:us-east-1:111122223333:cluster/*", List.of("--runtime",
                "eks-pod-identity", "--cluster-arn", "arn:aws:eks:us-east-1:111122223333:cluster/*",
                "--service-account", "a/b")));
        cases.add(Arguments.of(CLUSTER.replace("arn:aws:", "arn:aws-cn:"), List.of("--runtime", "eks-pod-identity",
                "--cluster-arn", CLUSTER.replace("arn:aws:", "arn:aws-cn:"), "--service-account", "a/b")));
        cases.add(Arguments.of("octo-org/*", List.of("--runtime", "github-actions", "--repository", "octo-org/*",
                "--ref", "main")));
        cases.add(Arguments.of("octo-org", List.of("--runtime", "github-actions", "--repository", "octo-org",
                "--ref", "main")));
        cases.add(Arguments.of("refs/pull/1/merge", List.of("--runtime", "github-actions", "--repository", "o/r",
                "--ref", "refs/pull/1/merge")));
        cases.add(Arguments.of("bad..branch", List.of("--runtime", "github-actions", "--repository", "o/r",
                "--ref", "bad..branch")));
        cases.add(Arguments.of("a:b", List.of("--runtime", "github-actions", "--repository", "o/r",
                "--environment", "a:b")));
        cases.add(Arguments.of("arn:aws:iam::444455556666:user/bob", List.of("--runtime", "role", "--trusted-role",
                "arn:aws:iam::444455556666:user/bob")));
        cases.add(Arguments.of("arn:aws:iam::444455556666:role/*", List.of("--runtime", "role", "--trusted-role",
                "arn:aws:iam::444455556666:role/*")));
        cases.add(Arguments.of("x", List.of("--runtime", "role", "--trusted-role",
                "arn:aws:iam::444455556666:role/r", "--external-id", "x")));
        cases.add(Arguments.of("x".repeat(1225), List.of("--runtime", "role", "--trusted-role",
                "arn:aws:iam::444455556666:role/r", "--external-id", "x".repeat(1225))));
        cases.add(Arguments.of("r".repeat(65), List.of("--runtime", "lambda", "--role-name", "r".repeat(65))));
        cases.add(Arguments.of("a b", List.of("--runtime", "lambda", "--role-name", "a b")));
        cases.add(Arguments.of("abc", List.of("--runtime", "lambda", "--external-id", "abc")));
        cases.add(Arguments.of("o/r", List.of("--repository", "o/r")));
        // cross-account zones (--dns-account)
        cases.add(Arguments.of("2222-3333-4444", List.of("--runtime", "lambda", "--dns-account", "2222-3333-4444")));
        cases.add(Arguments.of("111122223333", List.of("--runtime", "lambda", "--dns-account", "111122223333")));
        cases.add(Arguments.of("222233334444", List.of("--dns-account", "222233334444")));
        cases.add(Arguments.of("222233334444", List.of("--runtime", "user", "--dns-account", "222233334444")));
        cases.add(Arguments.of("a b", List.of("--runtime", "lambda", "--dns-account", "222233334444",
                "--dns-role-name", "a b")));
        cases.add(Arguments.of("zone-writer", List.of("--runtime", "lambda", "--dns-role-name", "zone-writer")));
        cases.add(Arguments.of("abc!", List.of("--runtime", "lambda", "--dns-account", "222233334444",
                "--external-id", "abc!")));
        cases.add(Arguments.of("acme-dns-4d1f", List.of("--runtime", "role", "--trusted-role",
                "arn:aws:iam::444455556666:role/r", "--dns-account", "222233334444", "--external-id", "acme-dns-4d1f")));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void eachBadValueIsOneLineNamingIt(String value, List<String> runtimeArgs) {
        List<String> args = new ArrayList<>(List.of("--client", "lego", "--zone", "Z11111112222222333333", "--domain",
                "example.com", "--aws-account", "111122223333"));
        args.addAll(runtimeArgs);
        for (String command : List.of("generate", "trust")) {
            List<String> line = new ArrayList<>(List.of(command));
            line.addAll(args);
            CliRun run = CliRun.of(line.toArray(new String[0]));
            assertEquals(2, run.exit(), run.all());
            assertEquals("", run.out());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().startsWith("policygen: error: "), run.err());
            assertTrue(run.err().contains(value.length() > 80 ? value.substring(0, 80) : value), run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        }
    }
}
