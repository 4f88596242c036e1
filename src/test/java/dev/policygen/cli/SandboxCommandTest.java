package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.InputException;
import dev.policygen.UsageException;
import dev.policygen.sandbox.Sandbox;
import dev.policygen.testing.CliRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** policygen sandbox's options, turned into a running sandbox (the command itself runs until killed). */
class SandboxCommandTest {
    @TempDir
    Path directory;

    private static SandboxCommand parse(String... args) {
        SandboxCommand command = new SandboxCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void optionsAndConfigFileMakeASandboxThatPrintsItsPorts() throws Exception {
        Path config = directory.resolve("sandbox.json");
        Files.writeString(config, "{\"zones\": {\"example.net\": \"Z0CONFIGURED\"}, \"insyncDelayMillis\": 5000,"
                + " \"faults\": {\"latencyMillis\": 1}}");
        Path portsFile = directory.resolve("ports.json");
        SandboxCommand options = parse("--config", config.toString(), "--zone", "example.com", "--insync-delay", "0",
                "--ports-file", portsFile.toString(), "--state-dir", directory.resolve("state").toString());
        try (Sandbox sandbox = SandboxSetup.build(options, null).start()) {
            StringWriter text = new StringWriter();
            SandboxSetup.printPorts(new PrintWriter(text), sandbox.ports());
            assertTrue(text.toString().contains("http://127.0.0.1:" + sandbox.ports().proxy()), text.toString());
            assertTrue(text.toString().contains("sandbox-ca.pem"), text.toString());
            assertTrue(Files.readString(portsFile).contains("\"proxy\": " + sandbox.ports().proxy()));
            assertEquals(2, sandbox.records().zones().size());
            assertEquals("Z0CONFIGURED", sandbox.records().zoneFor("www.example.net").id());
            assertFalse(sandbox.records().zoneFor("example.com").id().isEmpty());
        }
    }

    @Test
    void badValuesAreUsageOrInputErrors() throws Exception {
        assertThrows(UsageException.class, () -> SandboxSetup.build(parse("--zone", "example.com=notanid"), null));
        assertThrows(UsageException.class, () -> SandboxSetup.build(parse("--access-key-id", "AKIA1"), null));
        assertThrows(UsageException.class, () -> SandboxSetup.build(parse("--server-error-rate", "2"), null));
        Path config = directory.resolve("bad.json");
        Files.writeString(config, "{\"zone\": {}}");
        InputException unknown = assertThrows(InputException.class,
                () -> SandboxSetup.build(parse("--config", config.toString()), null));
        assertTrue(unknown.getMessage().contains("unknown member \"zone\""), unknown.getMessage());
    }

    @Test
    void helpListsTheCommand() {
        CliRun help = CliRun.of("sandbox", "--help");
        assertEquals(ExitCode.OK, help.exit());
        assertTrue(help.out().contains("--proxy-port"), help.out());
    }
}
