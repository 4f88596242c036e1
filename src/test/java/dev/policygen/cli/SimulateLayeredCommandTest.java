package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.testing.CliRun;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** policygen simulate with the other policy types (issue 11): boundary, SCP, RCP, session policy. */
class SimulateLayeredCommandTest {
    private static final String FULL_ACCESS = """
            {"Version": "2012-10-17", "Statement": [{"Sid": "FullAccess", "Effect": "Allow", "Action": "*", "Resource": "*"}]}
            """;
    private static final String DENY_ROUTE53 = """
            {"Version": "2012-10-17", "Statement": [{"Sid": "FullAccess", "Effect": "Allow", "Action": "*", "Resource": "*"},
              {"Sid": "NoRoute53", "Effect": "Deny", "Action": "route53:*", "Resource": "*"}]}
            """;
    private static final String READ_ONLY = """
            {"Version": "2012-10-17", "Statement": [{"Sid": "ReadOnly", "Effect": "Allow", "Action": "route53:Get*", "Resource": "*"}]}
            """;

    @TempDir
    Path dir;

    private String write(String name, String text) throws IOException {
        return new SimulateFixture(dir).write(name, text);
    }

    private CliRun simulate(String... options) throws IOException {
        return new SimulateFixture(dir).simulate(options);
    }

    @Test
    void everyTypeAllowingExitsZero() throws IOException {
        CliRun result = simulate("--scp", write("scp.json", FULL_ACCESS),
                "--permissions-boundary", write("boundary.json", FULL_ACCESS));
        assertEquals(0, result.exit(), result.all());
        assertTrue(result.out().startsWith("Decision: allowed\nDecided by: every policy type allows\n"), result.out());
        assertTrue(result.out().contains("== service-control-policy: "), result.out());
        assertTrue(result.out().contains("== permissions-boundary: "), result.out());
    }

    @Test
    void scpDenyExitsOneAndNamesTheStatement() throws IOException {
        String scp = write("scp.json", DENY_ROUTE53);
        CliRun result = simulate("--scp", write("root.json", FULL_ACCESS), "--scp", scp);
        assertEquals(1, result.exit(), result.all());
        assertTrue(result.out().startsWith("Decision: explicit-deny\nDecided by: service-control-policy " + scp
                + " (explicit-deny)\n"), result.out());
        assertTrue(result.out().contains("Denied by:\n  " + scp + " statement 1 (Sid NoRoute53, Deny)"), result.out());
    }

    @Test
    void sessionPolicyNarrowsInJson() throws IOException {
        CliRun result = simulate("--session-policy", write("session.json", READ_ONLY), "--format", "json");
        assertEquals(1, result.exit(), result.all());
        assertTrue(result.out().contains("\"decision\" : \"implicit-deny\"") || result.out().contains("\"decision\": \"implicit-deny\""),
                result.out());
        assertTrue(result.out().contains("session-policy"), result.out());
    }

    @Test
    void missingBoundaryFileIsBadInput() throws IOException {
        CliRun result = simulate("--permissions-boundary", dir.resolve("absent.json").toString());
        assertEquals(3, result.exit(), result.all());
        assertTrue(result.err().contains("absent.json"), result.err());
    }

    /**
     * The shape of AWS's RCP examples (Organizations UG orgs_manage_policies_rcps_examples, secure transport):
     * Deny, {@code "Principal": "*"}, the exception in a Condition.
     */
    private static final String RCP_SECURE_TRANSPORT = """
            {"Version": "2012-10-17", "Statement": [{"Sid": "EnforceSecureTransport", "Effect": "Deny",
              "Principal": "*", "Action": ["sts:*", "route53:*"], "Resource": "*",
              "Condition": {"BoolIfExists": {"aws:SecureTransport": "false"}}}]}
            """;

    @Test
    void rcpWithPrincipalStarIsReadAndItsConditionDecides() throws IOException {
        String rcp = write("rcp.json", RCP_SECURE_TRANSPORT);
        CliRun denied = simulate("--rcp", rcp, "--context", "aws:SecureTransport=false");
        assertEquals(1, denied.exit(), denied.all());
        assertTrue(denied.out().startsWith("Decision: explicit-deny\nDecided by: resource-control-policy " + rcp),
                denied.out());
        assertTrue(denied.out().contains(rcp + " statement 0 (Sid EnforceSecureTransport, Deny)"), denied.out());
        CliRun allowed = simulate("--rcp", rcp, "--context", "aws:SecureTransport=true");
        assertEquals(0, allowed.exit(), allowed.all());
    }

    @Test
    void rcpNamingAPrincipalOtherThanStarIsBadInputNamingIt() throws IOException {
        CliRun result = simulate("--rcp", write("rcp.json", RCP_SECURE_TRANSPORT.replace("\"Principal\": \"*\"",
                "\"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:root\"}")));
        assertEquals(3, result.exit(), result.all());
        assertTrue(result.err().contains("a resource control policy's Principal must be \"*\", not"
                + " {\"AWS\":\"arn:aws:iam::111122223333:root\"}"), result.err());
        assertEquals(1, result.err().lines().count(), result.err());
    }

    @Test
    void rcpWithNotPrincipalIsBadInput() throws IOException {
        CliRun result = simulate("--rcp", write("rcp.json", RCP_SECURE_TRANSPORT.replace("\"Principal\"",
                "\"NotPrincipal\"")));
        assertEquals(3, result.exit(), result.all());
        assertTrue(result.err().contains("NotPrincipal is not supported in a resource control policy"), result.err());
    }
}
