package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.testing.CliRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * simulate --caller-role: a role session as the caller, whose role has a path the session ARN does not carry.
 * The trust names the role with its path; the match is exact, path included.
 */
class SimulateCallerRoleTest {
    private static final String ROLE = "arn:aws:iam::222233334444:role/dns-acme";
    private static final String SESSION = "arn:aws:sts::111122223333:assumed-role/app/renew-1";
    private static final String APP = "arn:aws:iam::111122223333:role/team/app";
    private static final String TRUST = """
            {"Version": "2012-10-17", "Statement": [{"Sid": "TrustTeamApp", "Effect": "Allow",
              "Principal": {"AWS": "arn:aws:iam::111122223333:role/team/app"}, "Action": "sts:AssumeRole"}]}
            """;
    private static final String CALLER = """
            {"Version": "2012-10-17", "Statement": [{"Sid": "AssumeDns", "Effect": "Allow",
              "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::222233334444:role/dns-acme"}]}
            """;

    @TempDir
    Path dir;

    private CliRun chain(String... more) throws IOException {
        SimulateFixture fixture = new SimulateFixture(dir);
        List<String> options = new ArrayList<>(List.of("--trust-policy", fixture.write("trust.json", TRUST),
                "--role-arn", ROLE, "--principal", SESSION, "--caller-policy", fixture.write("caller.json", CALLER)));
        return fixture.simulate(options, more);
    }

    @Test
    void theSessionOfARoleWithAPathIsAdmittedByATrustNamingThatRole() throws IOException {
        CliRun result = chain("--caller-role", APP);
        assertEquals(0, result.exit(), result.all());
        assertTrue(result.out().contains("(Sid TrustTeamApp, Allow)"), result.out());
    }

    @Test
    void withoutItsRoleTheSessionIsOfTheRoleAtPathSlash() throws IOException {
        CliRun result = chain();
        assertEquals(1, result.exit(), result.all());
        assertTrue(result.out().contains("trust-policy"), result.out());
    }

    @Test
    void anotherPathOfTheSameNameIsAnotherRole() throws IOException {
        CliRun result = chain("--caller-role", "arn:aws:iam::111122223333:role/other/app");
        assertEquals(1, result.exit(), result.all());
    }

    @Test
    void aRoleThatIsNotTheSessionsIsAUsageErrorNamingIt() throws IOException {
        for (String wrong : List.of("arn:aws:iam::111122223333:role/team/web", "arn:aws:iam::999988887777:role/team/app",
                "arn:aws:iam::111122223333:user/team/app", "team/app")) {
            CliRun result = chain("--caller-role", wrong);
            assertEquals(2, result.exit(), result.all());
            assertTrue(result.err().contains("--caller-role: \"" + wrong + "\" is not the role of the session \""
                    + SESSION + "\""), result.err());
            assertEquals(1, result.err().lines().count(), result.err());
        }
    }

    @Test
    void aCallerRoleForACallerThatIsNotASessionIsAUsageError() throws IOException {
        SimulateFixture fixture = new SimulateFixture(dir);
        CliRun result = fixture.simulate(List.of("--trust-policy", fixture.write("trust.json", TRUST), "--role-arn", ROLE,
                "--principal", APP, "--caller-role", APP));
        assertEquals(2, result.exit(), result.all());
        assertTrue(result.err().contains("is not a role session ARN"), result.err());
    }
}
