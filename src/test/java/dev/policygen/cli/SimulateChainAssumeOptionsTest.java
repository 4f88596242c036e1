package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.testing.CliRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * simulate's chain options for the assume hop (issue 11): --assume-context (a service principal's
 * aws:SourceAccount, session tags and the sts:TagSession hop they bring) and --caller-permissions-boundary.
 */
class SimulateChainAssumeOptionsTest {
    private static final String ROLE = "arn:aws:iam::222233334444:role/dns-acme";

    @TempDir
    Path dir;

    private String write(String name, String text) throws IOException {
        return new SimulateFixture(dir).write(name, text);
    }

    private CliRun chain(String trust, String principal, String... extra) throws IOException {
        return new SimulateFixture(dir).simulate(List.of("--trust-policy", write("trust.json", trust), "--role-arn", ROLE,
                "--principal", principal), extra);
    }

    @Test
    void aServicePrincipalIsDecidedByTheTrustAndItsSourceAccount() throws IOException {
        String trust = """
                {"Version": "2012-10-17", "Statement": [{"Sid": "EcsTasks", "Effect": "Allow",
                  "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole",
                  "Condition": {"StringEquals": {"aws:SourceAccount": "222233334444"}}}]}
                """;
        CliRun allowed = chain(trust, "ecs-tasks.amazonaws.com", "--assume-context", "aws:SourceAccount=222233334444");
        assertEquals(0, allowed.exit(), allowed.all());
        assertTrue(allowed.out().contains("the trust policy allows this service principal"), allowed.out());
        CliRun other = chain(trust, "ecs-tasks.amazonaws.com", "--assume-context", "aws:SourceAccount=111122223333");
        assertEquals(1, other.exit(), other.all());
        assertTrue(other.out().contains("Decided by: trust-policy"), other.out());
    }

    @Test
    void sessionTagsBringTheTagSessionHop() throws IOException {
        String assumeOnly = """
                {"Version": "2012-10-17", "Statement": [{"Sid": "PodIdentity", "Effect": "Allow",
                  "Principal": {"Service": "pods.eks.amazonaws.com"}, "Action": "sts:AssumeRole",
                  "Condition": {"StringEquals": {"aws:RequestTag/kubernetes-namespace": "cert-manager"},
                    "ForAllValues:StringEquals": {"aws:TagKeys": ["kubernetes-namespace"]}}}]}
                """;
        CliRun denied = chain(assumeOnly, "pods.eks.amazonaws.com", "--assume-context",
                "aws:RequestTag/kubernetes-namespace=cert-manager");
        assertEquals(1, denied.exit(), denied.all());
        assertTrue(denied.out().contains("Hop 2: sts:TagSession on " + ROLE), denied.out());
        CliRun allowed = chain(assumeOnly.replace("\"sts:AssumeRole\"", "[\"sts:AssumeRole\", \"sts:TagSession\"]"),
                "pods.eks.amazonaws.com", "--assume-context", "aws:RequestTag/kubernetes-namespace=cert-manager");
        assertEquals(0, allowed.exit(), allowed.all());
        assertTrue(allowed.out().contains("Hop 3: request as " + ROLE), allowed.out());
        assertTrue(allowed.out().contains("aws:TagKeys = [kubernetes-namespace]"), allowed.out());
    }

    @Test
    void theCallersBoundaryLimitsARoleTheTrustNamesByArn() throws IOException {
        String trust = """
                {"Version": "2012-10-17", "Statement": [{"Sid": "Workload", "Effect": "Allow",
                  "Principal": {"AWS": "arn:aws:iam::222233334444:role/workload"}, "Action": "sts:AssumeRole"}]}
                """;
        String boundary = write("boundary.json", """
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "route53:*", "Resource": "*"}]}
                """);
        CliRun without = chain(trust, "arn:aws:iam::222233334444:role/workload");
        assertEquals(0, without.exit(), without.all());
        CliRun limited = chain(trust, "arn:aws:iam::222233334444:role/workload", "--caller-permissions-boundary",
                boundary);
        assertEquals(1, limited.exit(), limited.all());
        assertTrue(limited.out().contains("Decided by: permissions-boundary"), limited.out());
    }
}
