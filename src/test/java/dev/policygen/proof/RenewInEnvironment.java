package dev.policygen.proof;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policygen.json.JsonNode;
import dev.policygen.json.JsonNode.JsonObject;
import dev.policygen.json.JsonReader;
import dev.policygen.sandbox.Sandbox;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * policygen renew in its own JVM with only the AWS environment a proof gives it (the SDK reads credentials from
 * the process environment, which a test cannot change in its own): no keys, no shared files but the config file
 * the proof names, no instance metadata. With the sandbox's call log read back as JSON lines, for the proofs of
 * issue 12's credential sources.
 */
final class RenewInEnvironment {
    private RenewInEnvironment() {
    }

    record Result(int exit, String output) {
    }

    static Result run(RenewBed bed, Sandbox sandbox, Path config, Path dir, Map<String, String> environment,
            String... extra) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String configFile = environment.getOrDefault("AWS_CONFIG_FILE", "/dev/null");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Daws.configFile=" + configFile, "-Daws.sharedCredentialsFile=/dev/null",
                "-Daws.disableEc2Metadata=true", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), "dev.policygen.cli.Main"));
        command.addAll(bed.renewArguments(sandbox, config, dir.resolve("state"), extra));
        Path output = dir.resolve("renew-" + System.nanoTime() + ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File(
                        "/dev/null")));
        Map<String, String> env = builder.environment();
        for (String name : List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE",
                "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_SESSION_NAME", "AWS_ENDPOINT_URL",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")) {
            env.remove(name);
        }
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_CONFIG_FILE", configFile);
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        env.putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(RenewChild.LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("renew did not end: " + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    /** Every line of the sandbox's call log, in order. */
    static List<JsonObject> log(Sandbox sandbox) throws Exception {
        List<JsonObject> lines = new ArrayList<>();
        Path file = sandbox.callLogFile().orElseThrow();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    lines.add((JsonObject) JsonReader.read(line, file.toString()));
                }
            }
        }
        return lines;
    }

    static String text(JsonObject object, String key) {
        return object.get(key).filter(JsonNode.JsonString.class::isInstance)
                .map(v -> ((JsonNode.JsonString) v).value()).orElse(null);
    }

    /** A line of the call log's request context, such as {@code aws:PrincipalArn}. */
    static String context(JsonObject line, String key) {
        return line.get("context").filter(JsonObject.class::isInstance).map(c -> text((JsonObject) c, key))
                .orElse(null);
    }

    static void assertNoRoute53(Sandbox sandbox) throws Exception {
        for (JsonObject line : log(sandbox)) {
            String action = text(line, "action");
            assertFalse(action != null && action.startsWith("route53:"), "nothing reaches Route 53: " + line);
        }
    }

    /** One output line holds every part, the first naming it; no stack trace anywhere. */
    static void assertOneLine(Result run, String... parts) {
        List<String> lines = run.output().lines().filter(l -> !l.isBlank()).toList();
        String error = lines.stream().filter(l -> l.contains(parts[0])).findFirst().orElse(null);
        assertTrue(error != null, parts[0] + " in: " + run.output());
        for (String part : parts) {
            assertTrue(error.contains(part), part + " in: " + error);
        }
        assertFalse(run.output().contains("\tat "), "no stack trace: " + run.output());
    }
}
