package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.testing.CliRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** policygen simulate --trust-policy: the chain caller -> sts:AssumeRole* -> Route 53 request (issue 11). */
class SimulateChainCommandTest {
    private static final String ROLE = "arn:aws:iam::222233334444:role/dns-acme";
    private static final String WORKLOAD = "arn:aws:iam::111122223333:role/traefik";
    private static final String TRUST = """
            {"Version": "2012-10-17", "Statement": [{"Sid": "TrustTraefik", "Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::111122223333:role/traefik"}, "Action": "sts:AssumeRole",
              "Condition": {"StringEquals": {"sts:ExternalId": "s3cret"}}}]}
            """;
    private static final String CALLER = """
            {"Version": "2012-10-17", "Statement": [{"Sid": "AssumeDns", "Effect": "Allow",
              "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::222233334444:role/dns-acme"}]}
            """;

    @TempDir
    Path dir;

    private String write(String name, String text) throws IOException {
        return new SimulateFixture(dir).write(name, text);
    }

    private CliRun chain(String... extra) throws IOException {
        return new SimulateFixture(dir).simulate(List.of("--trust-policy", write("trust.json", TRUST), "--role-arn", ROLE,
                "--principal", WORKLOAD, "--caller-policy", write("caller.json", CALLER)), extra);
    }

    @Test
    void crossAccountChainWithExternalIdIsAllowedHopByHop() throws IOException {
        CliRun result = chain("--external-id", "s3cret");
        assertEquals(0, result.exit(), result.all());
        assertTrue(result.out().startsWith("Decision: allowed\n"), result.out());
        assertTrue(result.out().contains("Hop 1: sts:AssumeRole on " + ROLE), result.out());
        assertTrue(result.out().contains("(Sid TrustTraefik, Allow)"), result.out());
        assertTrue(result.out().contains("Hop 2: request as " + ROLE), result.out());
        assertTrue(result.out().contains("(Sid AllowTxt, Allow)"), result.out());
    }

    @Test
    void missingExternalIdStopsAtHopOne() throws IOException {
        CliRun result = chain("--format", "json");
        assertEquals(1, result.exit(), result.all());
        assertTrue(result.out().contains("trust-policy"), result.out());
        assertTrue(!result.out().contains("request as"), result.out());
    }

    @Test
    void webIdentityNeedsAnOidcProviderPrincipal() throws IOException {
        CliRun result = chain("--web-identity", "sub=x");
        assertEquals(2, result.exit(), result.all());
        assertTrue(result.err().contains(WORKLOAD), result.err());
    }

    @Test
    void chainWithoutRoleArnIsAUsageError() throws IOException {
        CliRun result = new SimulateFixture(dir).simulate("--trust-policy", write("trust.json", TRUST));
        assertEquals(2, result.exit(), result.all());
    }
}
