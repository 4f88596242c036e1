package dev.policygen.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.model.PolicyDocument;
import dev.policygen.model.PolicyReader;
import dev.policygen.model.Statement;
import dev.policygen.sandbox.StsScenario;
import dev.policygen.testing.CliRun;
import dev.policygen.testing.Programs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * observe with STS: the AWS CLI, through the proxy with the sandbox's keys (the config's static user),
 * assumes a role and asks who it is with the session; the table shows both STS calls, and --derive
 * grants sts:AssumeRole on exactly the role assumed (GetCallerIdentity needs no permission and is not
 * derived). Fails where no working {@code aws} is on the PATH.
 */
@Timeout(180)
class ObserveStsTest {
    @TempDir
    Path directory;

    @Test
    void assumeRoleIsTabledAndDerived() throws Exception {
        Path aws = Programs.awsCli();
        Path config = StsScenario.writeConfig(directory);
        Path derived = directory.resolve("derived.json");
        String script = "set -e; creds=$(\"$0\" sts assume-role --role-arn " + StsScenario.OTHER_ROLE
                + " --role-session-name observed --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]'"
                + " --output text); set -- \"$0\" $creds; AWS_ACCESS_KEY_ID=$2 AWS_SECRET_ACCESS_KEY=$3"
                + " AWS_SESSION_TOKEN=$4 \"$1\" sts get-caller-identity --output text";
        CliRun run = ObserveRuns.observe(List.of("--sandbox-config", config.toString(), "--derive", derived.toString()),
                List.of("env", "AWS_MAX_ATTEMPTS=1", "sh", "-c", script, aws.toString()));

        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("arn:aws:sts::111111111111:assumed-role/other/observed"), run.out());
        assertTrue(run.out().lines().anyMatch(line -> line.contains("sts:AssumeRole ")
                && line.contains(StsScenario.OTHER_ROLE) && line.contains("allowed") && line.contains(" 200")), run.out());
        assertTrue(run.out().lines().anyMatch(line -> line.contains("sts:GetCallerIdentity") && line.contains(" 200")),
                run.out());
        assertTrue(run.out().contains("2 AWS calls, 0 denied"), run.out());
        PolicyDocument policy = PolicyReader.read(Files.readString(derived), derived.toString());
        List<Statement> statements = policy.statements();
        assertEquals(1, statements.size(), Files.readString(derived));
        assertEquals(List.of("sts:AssumeRole"), statements.get(0).actions().texts());
        assertTrue(Files.readString(derived).contains("\"" + StsScenario.OTHER_ROLE + "\""), Files.readString(derived));
    }
}
