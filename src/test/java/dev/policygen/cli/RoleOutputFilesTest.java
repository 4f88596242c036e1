package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate --runtime -o FILE.json: FILE.json and FILE-trust.json; a later run without a role removes the trust file. */
class RoleOutputFilesTest {
    @TempDir
    Path dir;

    private static List<String> lambda(Path output, boolean role) {
        List<String> args = new ArrayList<>(List.of("--client", "lego", "--zone", "Z11111112222222333333", "--domain",
                "example.com", "-o", output.toString()));
        if (role) {
            args.addAll(List.of("--aws-account", "111122223333", "--runtime", "lambda"));
        }
        return args;
    }

    @Test
    void theTrustPolicyGoesBesideThePermissionPolicyAndIsRemovedWhenNoLongerWritten() throws Exception {
        Path output = dir.resolve("p.json");
        CliRun withRole = CliRun.of(lambda(output, true).toArray(new String[0]));
        assertEquals(0, withRole.exit(), withRole.all());
        Path trust = dir.resolve("p-trust.json");
        assertTrue(Files.readString(trust).contains("lambda.amazonaws.com"));
        assertTrue(Files.readString(output).contains("route53:ChangeResourceRecordSets"));
        CliRun trustOnly = CliRun.of("trust", "--client", "lego", "--zone", "Z11111112222222333333", "--domain",
                "example.com", "--aws-account", "111122223333", "--runtime", "lambda");
        assertEquals(Files.readString(trust), trustOnly.out());
        CliRun withoutRole = CliRun.of(lambda(output, false).toArray(new String[0]));
        assertEquals(0, withoutRole.exit(), withoutRole.all());
        assertFalse(Files.exists(trust), withoutRole.err());
        assertTrue(withoutRole.err().contains("removed " + trust), withoutRole.err());
    }
}
