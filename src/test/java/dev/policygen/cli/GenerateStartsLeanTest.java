package dev.policygen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A plain generate line, in a fresh JVM, must not load the machinery that dominated its cold start
 * (docs/benchmarks.md): picocli's model, invokedynamic lambda bootstrap, method-handle classes spun
 * at run time (indy string concatenation did that),
 * record equality bootstrap, regular expressions, or the Jackson, AWS, DNS and Bouncy Castle classes other
 * commands use.
 */
class GenerateStartsLeanTest {
    private static final List<String> FORBIDDEN = List.of(
            "picocli.CommandLine ",
            "java.lang.invoke.InnerClassLambdaMetafactory ",
            "__JVM_LookupDefineClass__",
            "java.lang.runtime.ObjectMethods ",
            "java.util.regex.Pattern ",
            "com.fasterxml.jackson.",
            "software.amazon.",
            "dev.policygen.lint.",
            "dev.policygen.eval.",
            "dev.policygen.sandbox.",
            "org.xbill.DNS.",
            "org.bouncycastle.");

    @Test
    void aPlainGenerateLoadsNoneOfTheSlowMachinery() throws Exception {
        String log = run("--client", "traefik", "--zone", "Z11111112222222333333", "--domain", "example.com",
                "--domain", "*.example.com", "--format", "json");
        assertTrue(log.contains("dev.policygen.generate.PolicyGenerator "), "the probe must see the generator load");
        for (String forbidden : FORBIDDEN) {
            assertFalse(log.contains(forbidden), "a plain generate loaded " + forbidden.strip());
        }
    }

    @Test
    void theProbeSeesMachineryWhenItIsUsed() throws Exception {
        String log = run("clients");
        assertTrue(log.contains("picocli.CommandLine "), "clients goes through picocli; the probe must see it");
    }

    private static String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        return output;
    }
}
