package dev.policygen.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.policygen.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accounts part of a sandbox config file: each bad value is one error at its line and column, and a
 * role whose files cannot be read fails the start naming the file.
 */
class StsConfigFileTest {
    @TempDir
    Path directory;

    private String error(String json) throws Exception {
        Path config = directory.resolve("sandbox.json");
        Files.writeString(config, json);
        return assertThrows(InputException.class, () -> SandboxConfigFile.apply(config, Sandbox.builder())).located();
    }

    @Test
    void badValuesAreReportedWhereTheyAre() throws Exception {
        String file = directory.resolve("sandbox.json").toString();
        assertEquals(file + ":2:12: \"arn:aws:iam::1:role/x\" is not a role ARN (arn:aws:iam::ACCOUNT:role/NAME)",
                error("{\"roles\": [\n           {\"arn\": \"arn:aws:iam::1:role/x\", \"generated\": \"dns.json\"}]}"));
        assertEquals(file + ":1:51: \"12\" is not an AWS account id (12 digits)",
                error("{\"zones\": {\"example.com\": {\"id\": null, \"account\": \"12\"}}}"));
        String unknown = error("{\"roles\": [{\"arn\": \"arn:aws:iam::111111111111:role/x\", \"trust\": \"t.json\"}]}");
        assertEquals(true, unknown.startsWith(file + ":1:"), unknown);
        assertEquals(true, unknown.contains("\"trust\""), unknown);
        assertEquals(file + ":1:12: a role's maxSessionDuration is 3600 to 43200 seconds, not 60",
                error("{\"roles\": [{\"arn\": \"arn:aws:iam::111111111111:role/x\", \"generated\": \"d.json\", "
                        + "\"maxSessionDuration\": 60}]}"));
    }

    @Test
    void aRoleWhoseFilesAreMissingFailsTheStartNamingTheFile() throws Exception {
        Path config = directory.resolve("sandbox.json");
        Files.writeString(config, "{\"roles\": [{\"arn\": \"arn:aws:iam::111111111111:role/x\", \"generated\": "
                + "\"dns.json\"}]}");
        SandboxBuilder builder = Sandbox.builder();
        SandboxConfigFile.apply(config, builder);
        InputException e = assertThrows(InputException.class, () -> builder.build().start());
        assertEquals(true, e.located().startsWith(directory.resolve("dns-trust.json").toString()), e.located());
    }
}
