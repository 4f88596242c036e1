package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.PolicygenException;
import dev.policygen.SourcePosition;
import dev.policygen.testing.CliRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command's documented exit codes (README "Exit codes" and each command's help footer), run
 * through the CLI, and every failure type's code, so one mapping decides them all.
 */
class ExitCodesTest {
    /**
     * The documented code of each failure type. A new failure type fails {@link #everyFailureTypeHasItsDocumentedCode}
     * until it is listed here, which is where its author decides what users see.
     */
    private static final Map<String, Integer> DOCUMENTED = Map.ofEntries(
            Map.entry("UsageException", 2),
            Map.entry("InputException", 3),
            Map.entry("OutputException", 3),
            Map.entry("JournalFailure", 3),
            Map.entry("DeliveryFailure", 3),
            Map.entry("AwsFailure", 4),
            Map.entry("AcmeFailure", 4),
            Map.entry("GuardException", 4),
            Map.entry("ZoneNotFoundException", 4),
            // issue 10 item 14: a zones: [ID] zone that does not hold a name is the config's mistake, found at AWS
            Map.entry("ZoneMismatchException", 3));

    @TempDir
    static Path dir;

    @Test
    void everyFailureTypeHasItsDocumentedCode() throws Exception {
        Map<String, Integer> found = new TreeMap<>();
        for (Class<?> type : failureTypes()) {
            PolicygenException failure = instantiate(type);
            StringWriter err = new StringWriter();
            int code = Main.failure(failure, new PrintWriter(err, true), false);
            found.put(type.getSimpleName(), code);
            assertEquals(code, Main.exitCodeOf(failure), type.getName());
            assertTrue(err.toString().startsWith("policygen: error: "), err.toString());
            assertEquals(1, err.toString().strip().lines().count(), "one line: " + err);
        }
        assertEquals(new TreeMap<>(DOCUMENTED), found);
    }

    @Test
    void aDefectIsSeventyWithoutAStackTrace() {
        StringWriter err = new StringWriter();
        assertEquals(ExitCode.INTERNAL, Main.failure(new IllegalStateException("boom"), new PrintWriter(err, true), false));
        assertTrue(err.toString().contains("rerun with --debug"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }

    static Stream<Arguments> documentedCodes() throws IOException {
        Path policy = dir.resolve("lego.json");
        assertEquals(0, CliRun.of("--client", "lego", "--zone", "Z11111112222222333333", "--domain", "example.com",
                "-o", policy.toString()).exit());
        Path broad = Files.writeString(dir.resolve("broad.json"),
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
        Path aFile = Files.writeString(dir.resolve("a-file"), "x");
        Path missing = dir.resolve("missing.json");
        String underFile = aFile.resolve("p.json").toString();
        String zone = "Z11111112222222333333";
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of(0, List.of("--client", "lego", "--zone", zone, "--domain", "example.com")));
        cases.add(Arguments.of(2, List.of("--client", "lego", "--zone", "zbad", "--domain", "example.com")));
        cases.add(Arguments.of(2, List.of("--client", "nope", "--zone", zone, "--domain", "example.com")));
        cases.add(Arguments.of(3, List.of("--client", "lego", "--zone", zone, "--domain", "example.com", "-o", underFile)));
        cases.add(Arguments.of(0, List.of("simulate", "--policy", policy.toString(), "--zone", zone,
                "--change", "UPSERT:TXT:_acme-challenge.example.com")));
        cases.add(Arguments.of(1, List.of("simulate", "--policy", policy.toString(), "--zone", zone,
                "--change", "UPSERT:A:www.example.com")));
        cases.add(Arguments.of(2, List.of("simulate", "--policy", policy.toString(), "--zone", zone, "--change", "x")));
        cases.add(Arguments.of(3, List.of("simulate", "--policy", missing.toString(), "--zone", zone,
                "--change", "UPSERT:TXT:_acme-challenge.example.com")));
        // explain (issue 14): 0 explained, 1 denied by --policy, 2 bad option, 3 input neither error text nor CloudTrail
        Path denied = Files.writeString(dir.resolve("denied.txt"), "User: arn:aws:iam::111122223333:user/u is not"
                + " authorized to perform: route53:GetChange on resource: arn:aws:route53:::change/C1");
        cases.add(Arguments.of(0, List.of("explain", denied.toString())));
        Path readsNothing = Files.writeString(dir.resolve("reads-nothing.json"),
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}");
        cases.add(Arguments.of(0, List.of("explain", denied.toString(), "--policy", broad.toString())));
        cases.add(Arguments.of(1, List.of("explain", denied.toString(), "--policy", readsNothing.toString())));
        cases.add(Arguments.of(2, List.of("explain", denied.toString(), "--client", "nope")));
        cases.add(Arguments.of(3, List.of("explain", aFile.toString())));
        cases.add(Arguments.of(0, List.of("lint", policy.toString())));
        cases.add(Arguments.of(1, List.of("lint", broad.toString())));
        cases.add(Arguments.of(2, List.of("lint", "--fail-on", "nope", policy.toString())));
        cases.add(Arguments.of(3, List.of("lint", missing.toString())));
        cases.add(Arguments.of(2, List.of("validate", "--fail-on", "nope", policy.toString())));
        cases.add(Arguments.of(3, List.of("validate", missing.toString())));
        List<String> role = List.of("--client", "lego", "--zone", zone, "--domain", "example.com", "--aws-account",
                "111122223333", "--runtime", "lambda");
        cases.add(Arguments.of(0, Stream.concat(Stream.of("trust"), role.stream()).toList()));
        cases.add(Arguments.of(2, List.of("trust", "--client", "lego", "--zone", zone, "--domain", "example.com")));
        cases.add(Arguments.of(3, Stream.concat(Stream.of("trust"), Stream.concat(role.stream(),
                Stream.of("-o", underFile))).toList()));
        cases.add(Arguments.of(0, List.of("runtimes")));
        cases.add(Arguments.of(2, List.of("runtimes", "--format", "nope")));
        cases.add(Arguments.of(0, List.of("clients")));
        cases.add(Arguments.of(2, List.of("clients", "--format", "nope")));
        cases.add(Arguments.of(2, List.of("observe")));
        cases.add(Arguments.of(3, List.of("observe", "--policy", missing.toString(), "--", "true")));
        cases.add(Arguments.of(3, List.of("sandbox", "--policy", missing.toString())));
        cases.add(Arguments.of(2, List.of("register", "--email", "ops@example.com", "--account-key",
                dir.resolve("new.pem").toUri().toString(), "--key-type", "nope", "--agree-tos",
                "--directory", "https://127.0.0.1:9/dir")));
        cases.add(Arguments.of(3, List.of("register", "--email", "ops@example.com", "--account-key",
                aFile.toUri().toString(), "--agree-tos", "--directory", "https://127.0.0.1:9/dir")));
        cases.add(Arguments.of(2, List.of("renew", "--config", missing.toString(), "--log-format", "xml")));
        cases.add(Arguments.of(3, List.of("renew", "--config", missing.toString())));
        cases.add(Arguments.of(3, List.of("cleanup", "--config", missing.toString())));
        // deliver (issue 14): 2 no or a bad --to, 3 a certificate or key that cannot be used
        cases.add(Arguments.of(2, List.of("deliver", "--cert", aFile.toString(), "--key", aFile.toString())));
        cases.add(Arguments.of(2, List.of("deliver", "--cert", aFile.toString(), "--key", aFile.toString(), "--to",
                "acm: {certificateArn: nope}")));
        cases.add(Arguments.of(3, List.of("deliver", "--cert", missing.toString(), "--key", aFile.toString(), "--to",
                "acm: {}", "--dry-run")));
        cases.add(Arguments.of(3, List.of("deliver", "--cert", aFile.toString(), "--key", aFile.toString(), "--to",
                "acm: {}", "--dry-run")));
        // issue 10 item 19: a file that cannot be parsed is 3 for lint as for validate (lint still reports PG100)
        Path truncated = Files.writeString(dir.resolve("truncated.json"), "{\"Version\": \"2012-10-17\",");
        cases.add(Arguments.of(3, List.of("lint", truncated.toString())));
        cases.add(Arguments.of(3, List.of("lint", "--format", "sarif", truncated.toString())));
        cases.add(Arguments.of(3, List.of("validate", truncated.toString())));
        cases.add(Arguments.of(3, List.of("simulate", "--policy", truncated.toString(), "--zone", zone,
                "--change", "UPSERT:TXT:_acme-challenge.example.com")));
        // a bad value inside an input file is that file's problem (3); the same value as an option is usage (2)
        Path badRenewValue = Files.writeString(dir.resolve("renew.yaml"), "accountKey: file:///nowhere/account.pem\n"
                + "directory: https://127.0.0.1:9/dir\nstateDir: " + dir.resolve("state") + "\ncertificates:\n"
                + "  www:\n    domains: [1.2.3.4]\n    zones: [Z1111111111111]\n"
                + "    destinations:\n      - files: {dir: " + dir.resolve("out") + "}\n");
        cases.add(Arguments.of(3, List.of("renew", "--config", badRenewValue.toString())));
        cases.add(Arguments.of(3, List.of("cleanup", "--config", badRenewValue.toString())));
        cases.add(Arguments.of(2, List.of("--client", "lego", "--zone", zone, "--domain", "1.2.3.4")));
        Path badLintValue = Files.writeString(dir.resolve("lint-config.json"), "{\"failOn\": 3}");
        cases.add(Arguments.of(3, List.of("lint", "--config", badLintValue.toString(), policy.toString())));
        Path badSandboxValue = Files.writeString(dir.resolve("sandbox-config.json"), "{\"zones\": {\"example.com\": \"zbad\"}}");
        cases.add(Arguments.of(3, List.of("sandbox", "--config", badSandboxValue.toString())));
        // issue 10 item 20: a mistyped command or option is a usage error, whichever command it is under
        cases.add(Arguments.of(2, List.of("lnit", policy.toString())));
        cases.add(Arguments.of(2, List.of("--clinet", "lego", "--zone", zone, "--domain", "example.com")));
        cases.add(Arguments.of(2, List.of("renew", "--confg", missing.toString())));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("documentedCodes")
    void eachCommandExitsWithItsDocumentedCode(int expected, List<String> args) {
        CliRun run = CliRun.of(args.toArray(new String[0]));
        assertEquals(expected, run.exit(), run.err());
        if (expected >= 2) {
            assertEquals(1, run.err().strip().lines().filter(l -> l.startsWith("policygen: error: ")).count(),
                    run.err());
            assertFalse(run.err().contains("\tat "), run.err());
        }
    }

    private static List<Class<?>> failureTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(PolicygenException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> types = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, ExitCodesTest.class.getClassLoader());
                if (PolicygenException.class.isAssignableFrom(type) && !Modifier.isAbstract(type.getModifiers())) {
                    types.add(type);
                }
            }
        }
        assertFalse(types.isEmpty(), "no failure type found under " + classes);
        return types;
    }

    /** An instance made through any constructor, with placeholder arguments: only its type matters here. */
    private static PolicygenException instantiate(Class<?> type) throws ReflectiveOperationException {
        Constructor<?> constructor = type.getDeclaredConstructors()[0];
        constructor.setAccessible(true);
        Class<?>[] parameters = constructor.getParameterTypes();
        Object[] args = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            args[i] = placeholder(parameters[i]);
        }
        return (PolicygenException) constructor.newInstance(args);
    }

    private static Object placeholder(Class<?> parameter) {
        if (parameter == String.class) {
            return "placeholder";
        }
        if (parameter == Path.class) {
            return Path.of("placeholder");
        }
        if (parameter == int.class) {
            return 0;
        }
        if (parameter == SourcePosition.class) {
            return SourcePosition.UNKNOWN;
        }
        if (parameter.isEnum()) {
            return parameter.getEnumConstants()[0];
        }
        if (parameter.isAssignableFrom(IOException.class)) {
            return new IOException("placeholder");
        }
        return null;
    }
}
