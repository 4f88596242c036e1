package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.model.PolicyReader;
import dev.policygen.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    private static final String ZONE = "Z11111112222222333333";

    @TempDir
    Path dir;

    @Test
    void generateIsTheDefaultCommand() {
        CliRun implicit = CliRun.of("--client", "traefik", "--zone", ZONE, "--domain", "example.com");
        CliRun explicit = CliRun.of("generate", "--client", "traefik", "--zone", ZONE, "--domain", "example.com");
        assertEquals(0, implicit.exit(), implicit.err());
        assertEquals(explicit.out(), implicit.out());
        assertEquals("", implicit.err());
    }

    @Test
    void writesTheOutputFileAtomicallyAndSaysSo() throws Exception {
        Path output = dir.resolve("policy.json");
        Files.writeString(output, "old");
        CliRun run = CliRun.of("--client", "lego", "--zone", ZONE, "--domain", "example.com", "-o", output.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals("", run.out());
        assertTrue(run.err().contains("wrote " + output.toAbsolutePath()), run.err());
        PolicyReader.read(Files.readString(output), output.toString());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary files are left behind");
        }
    }

    @Test
    void severalDocumentsGoToSuffixedFiles() throws Exception {
        Path output = dir.resolve("lego.json");
        CliRun run = CliRun.of("--client", "lego", "--zone", ZONE, "--domain", "example.com",
                "--source-ip", "192.0.2.0/24", "--separate-deny", "--output", output.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(Files.exists(dir.resolve("lego.json")));
        String deny = Files.readString(dir.resolve("lego-network-deny.json"));
        assertTrue(deny.contains("\"Effect\": \"Deny\""), deny);
        assertFalse(Files.readString(output).contains("Deny"));
    }

    @Test
    void badInputWritesNothingAndKeepsWhatWasThere() throws Exception {
        Path output = dir.resolve("policy.json");
        Files.writeString(output, "keep me");
        CliRun run = CliRun.of("--client", "lego", "--zone", ZONE, "--domain", "a..b", "--output", output.toString());
        assertEquals(ExitCode.USAGE, run.exit());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertEquals("keep me", Files.readString(output));
    }

    @Test
    void anUnwritableOutputIsExitThree() {
        CliRun run = CliRun.of("--client", "lego", "--zone", ZONE, "--domain", "example.com",
                "--output", dir.resolve("missing/policy.json").toString());
        assertEquals(ExitCode.BAD_INPUT, run.exit());
        assertTrue(run.err().startsWith("policygen: error: cannot write"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void debugShowsTheStackTraceAndOtherwiseThereIsNone() {
        List<String> args = List.of("--client", "lego", "--zone", "nope", "--domain", "example.com");
        CliRun plain = CliRun.of(args.toArray(new String[0]));
        assertFalse(plain.err().contains("\tat "), plain.err());
        CliRun debug = CliRun.of(Stream.concat(args.stream(), Stream.of("--debug")).toArray(String[]::new));
        assertEquals(ExitCode.USAGE, debug.exit());
        assertTrue(debug.err().contains("\tat dev.policygen"), debug.err());
    }

    @Test
    void helpDocumentsEveryOptionAndTheExitCodes() {
        CliRun top = CliRun.of("--help");
        assertEquals(0, top.exit());
        assertTrue(top.out().contains("Exit codes:"), top.out());
        for (String code : List.of("0 ", "1 ", "2 ", "3 ", "4 ")) {
            assertTrue(top.out().contains("  " + code), "exit code " + code + " in --help");
        }
        CliRun generate = CliRun.of("generate", "--help");
        for (String option : List.of("--client", "--zone", "--domain", "--zone-id-configured", "--challenge-alias",
                "--challenge-cname", "--source-ip", "--source-vpce", "--source-vpc", "--separate-deny", "--partition",
                "--format", "--output", "--minify", "--limit", "--split", "--explain", "--with", "--aws-account",
                "--aws-region", "--elb-name", "--account-key", "--debug")) {
            assertTrue(generate.out().contains(option), option + " missing from generate --help");
        }
    }

    @Test
    void clientsListsEveryProfile() {
        CliRun run = CliRun.of("clients");
        assertEquals(0, run.exit());
        for (String client : List.of("lego", "traefik", "acme.sh", "certbot", "letsencrypt-aws", "cert-manager", "caddy",
                "policygen")) {
            assertTrue(run.out().contains(client), client);
        }
        assertEquals(ExitCode.USAGE, CliRun.of("clients", "--format", "html").exit());
    }

    @Test
    void versionIsPrinted() {
        CliRun run = CliRun.of("--version");
        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("policygen "), run.out());
    }
}
