package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.sandbox.Sandbox;
import dev.policygen.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The one error line each kind of bad input gets, through the CLI, word for word: a mistyped
 * command or option is named (with the closest correct one), and no line carries a library's
 * internals (Jackson's limits, the JDK's "Input length = 1", "PKIX path building failed").
 */
class ErrorLinesTest {
    private static final String ZONE = "Z11111112222222333333";

    @TempDir
    static Path dir;

    static Stream<Arguments> badInputs() throws IOException {
        Path deep = Files.writeString(dir.resolve("deep.json"), "[".repeat(100) + "]".repeat(100));
        Path deepYaml = Files.writeString(dir.resolve("deep.yaml"), "a: " + "[".repeat(100) + "]".repeat(100));
        Path latin1 = Files.write(dir.resolve("latin1.json"),
                new byte[] {'{', '"', 'S', 'i', 'd', '"', ':', '"', (byte) 0xe9, '"', '}'});
        Path latin1Yaml = Files.write(dir.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xff});
        Path truncated = Files.writeString(dir.resolve("truncated.json"), "{\"Version\": \"2012-10-17\",");
        Path unclosedYaml = Files.writeString(dir.resolve("unclosed.yaml"), "certificates: [www\n");
        Path missing = dir.resolve("missing.pem");
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of(2, "unknown command 'lnit'; did you mean 'lint'?", List.of("lnit", "x.json")));
        cases.add(Arguments.of(2, "unknown command 'simulte'; did you mean 'simulate'?", List.of("simulte")));
        cases.add(Arguments.of(2, "unknown command 'frobnicate'; the commands are generate, simulate, lint, validate, "
                + "sandbox, observe, clients, register, renew, cleanup, deliver, trust, runtimes, explain, help", List.of("frobnicate")));
        cases.add(Arguments.of(2, "unknown option '--clinet'; did you mean '--client'?",
                List.of("--clinet", "lego", "--zone", ZONE, "--domain", "example.com")));
        cases.add(Arguments.of(2, "unknown option '--zonne'; did you mean '--zone'?",
                List.of("generate", "--client", "lego", "--zonne", ZONE, "--domain", "example.com")));
        cases.add(Arguments.of(2, "unknown option '--frobnicate'",
                List.of("--client", "lego", "--frobnicate", "--domain", "example.com")));
        for (String command : List.of("lint", "validate")) {
            cases.add(Arguments.of(3, deep + ":1:65: nested deeper than 64 levels",
                    List.of(command, deep.toString())));
            cases.add(Arguments.of(3, latin1 + ": not valid UTF-8 at byte offset 8", List.of(command, latin1.toString())));
            cases.add(Arguments.of(3, truncated + ":1:26: invalid JSON: unexpected end of input: an object is not "
                    + "closed", List.of(command, truncated.toString())));
        }
        cases.add(Arguments.of(3, deepYaml + ":1:67: nested deeper than 64 levels",
                List.of("lint", deepYaml.toString())));
        cases.add(Arguments.of(3, deep + ":1:65: nested deeper than 64 levels",
                List.of("simulate", "--policy", deep.toString(), "--zone", ZONE,
                        "--change", "UPSERT:TXT:_acme-challenge.example.com")));
        cases.add(Arguments.of(3, latin1 + ": not valid UTF-8 at byte offset 8",
                List.of("simulate", "--policy", latin1.toString(), "--zone", ZONE,
                        "--change", "UPSERT:TXT:_acme-challenge.example.com")));
        cases.add(Arguments.of(3, latin1Yaml + ": not valid UTF-8 at byte offset 3",
                List.of("renew", "--config", latin1Yaml.toString())));
        cases.add(Arguments.of(3, unclosedYaml + ":1:19: invalid YAML: expected ',' or ']', but got the end of the input",
                List.of("renew", "--config", unclosedYaml.toString())));
        cases.add(Arguments.of(3, latin1 + ": not valid UTF-8 at byte offset 8",
                List.of("sandbox", "--policy", latin1.toString())));
        cases.add(Arguments.of(3, missing + ": cannot read the --forward-ca file: no such file",
                List.of("observe", "--forward", "https://127.0.0.1:9", "--forward-ca", missing.toString(), "--", "true")));
        cases.add(Arguments.of(3, missing + ": cannot read the CA file: no such file",
                List.of("register", "--email", "ops@example.com", "--account-key",
                        dir.resolve("new.pem").toUri().toString(), "--agree-tos",
                        "--directory", "https://127.0.0.1:9/dir", "--acme-ca", missing.toString())));
        // deliver (issue 14): a certificate file that is not PEM names the file; a bad --to names the option
        cases.add(Arguments.of(3, truncated + ": no PEM certificate in the certificate (expected -----BEGIN "
                + "CERTIFICATE-----)", List.of("deliver", "--cert", truncated.toString(), "--key",
                        truncated.toString(), "--to", "acm: {}")));
        cases.add(Arguments.of(3, latin1 + ": not valid UTF-8 at byte offset 8",
                List.of("deliver", "--cert", latin1.toString(), "--key", latin1.toString(), "--to", "acm: {}")));
        cases.add(Arguments.of(3, missing + ": cannot read the certificate: no such file",
                List.of("deliver", "--cert", missing.toString(), "--key", missing.toString(), "--to", "acm: {}")));
        cases.add(Arguments.of(2, "--to:1:1: a destination has exactly one of files, iam-server-certificate, elbv2, "
                + "acm; this one has 2", List.of("deliver", "--cert", missing.toString(), "--key", missing.toString(),
                        "--to", "{acm: {}, files: {dir: /tmp}}")));
        return cases.stream();
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("badInputs")
    void eachBadInputGetsItsOneLine(int exit, String line, List<String> args) {
        CliRun run = CliRun.of(args.toArray(new String[0]));
        assertEquals(exit, run.exit(), run.err());
        assertEquals("policygen: error: " + line, run.err().lines().findFirst().orElse(""), run.err());
        assertEquals(1, run.err().lines().filter(l -> l.startsWith("policygen: error: ")).count(), run.err());
    }

    /**
     * Every option of every command, mistyped by swapping two letters, is named with its correct
     * spelling, even where picocli would first report a required option as missing.
     */
    @Test
    void everyCommandNamesAMistypedOptionAndItsCorrectSpelling() {
        CommandLine main = new CommandLine(new Main());
        int checked = 0;
        for (Map.Entry<String, CommandLine> command : main.getSubcommands().entrySet()) {
            if (command.getKey().equals("help")) {
                continue;
            }
            for (OptionSpec option : command.getValue().getCommandSpec().options()) {
                String name = option.longestName();
                if (!name.startsWith("--") || name.length() < 7) {
                    continue;
                }
                String typo = name.substring(0, 3) + name.charAt(4) + name.charAt(3) + name.substring(5);
                if (typo.equals(name) || command.getValue().getCommandSpec().optionsMap().containsKey(typo)) {
                    continue;
                }
                CliRun run = CliRun.of(command.getKey(), typo, "x");
                assertEquals(ExitCode.USAGE, run.exit(), command.getKey() + " " + typo + ": " + run.err());
                String first = run.err().lines().findFirst().orElse("");
                assertTrue(first.startsWith("policygen: error: unknown option '" + typo + "'; did you mean '--"),
                        command.getKey() + " " + typo + ": " + run.err());
                checked++;
            }
        }
        assertTrue(checked > 50, "checked " + checked);
    }

    @Test
    void anUntrustedAcmeServerCertificateNamesAcmeCa() throws Exception {
        try (Sandbox https = Sandbox.builder().httpsPort(0).build().start()) {
            CliRun run = CliRun.of("register", "--email", "ops@example.com", "--account-key",
                    dir.resolve("untrusted.pem").toUri().toString(), "--agree-tos",
                    "--directory", https.ports().httpsUrl() + "/dir");
            assertEquals(ExitCode.REMOTE, run.exit(), run.err());
            assertTrue(run.err().contains("the ACME server's TLS certificate is not signed by a trusted CA; for a "
                    + "private ACME server (such as Pebble) pass its CA certificate with --acme-ca FILE"), run.err());
            assertFalse(run.err().contains("PKIX"), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
        }
    }

    @Test
    void anUnparsableFileIsStillReportedAsPg100() throws IOException {
        Path truncated = Files.writeString(dir.resolve("truncated-sarif.json"), "{");
        CliRun run = CliRun.of("lint", "--format", "sarif", truncated.toString());
        assertEquals(ExitCode.BAD_INPUT, run.exit(), run.err());
        assertTrue(run.out().contains("\"PG100\""), run.out());
    }
}
